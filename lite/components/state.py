"""gr.State: a per-session Python value that never reaches the page, and the Session
that holds one page load's copy of it."""

from __future__ import annotations

import copy
from typing import Any

from .base import Component


class State(Component):
    type = "state"
    shortcuts = ("state",)

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


def fresh_value(state: State) -> Any:
    """A new session's value: a callable is called, anything else deep-copied (Gradio)."""
    value = state.value
    return value() if callable(value) else copy.deepcopy(value)


class Session:
    """The state of one page load of one app. A refresh is a new Session."""

    def __init__(self, state: State | None) -> None:
        self._state = state
        self.value: Any = fresh_value(state) if state is not None else None

    def reset(self) -> None:
        """Clear: back to a fresh copy of the initial value."""
        if self._state is not None:
            self.value = fresh_value(self._state)
