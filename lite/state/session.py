"""Session state: each page session gets its own copy of the State's initial value."""

from __future__ import annotations

import copy
from typing import Any

from ..components import State


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
