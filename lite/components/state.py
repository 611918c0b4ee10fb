"""gr.State: a per-session Python value that never reaches the page."""

from __future__ import annotations

from typing import Any

from .base import Component


class State(Component):
    type = "state"

    def __init__(
        self,
        value: Any = None,
        render: bool = True,
        *,
        time_to_live: float | None = None,
        delete_callback: Any = None,
    ) -> None:
        # A State holds any Python object, so skip the base class's value handling.
        super().__init__()
        self.value = value

    def config(self, *, is_input: bool) -> dict[str, Any]:
        raise AssertionError("State never reaches the page")
