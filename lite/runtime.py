"""One app in one page session: load it, describe it, run its events.

Pure Python, so host tests drive the same code the browser worker does."""

from __future__ import annotations

import inspect
from collections import deque
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from . import protocol
from .app import alias_gradio, app_modules, run_entry, served_interface
from .components import Component
from .errors import InputError, Toast, current_toasts
from .interface import Interface
from .state.session import Session

# How an event's function gets called: directly, or inside a global-state transaction.
Caller = Callable[..., Awaitable[Any]]


async def call_directly(fn: Callable[..., Any], *args: Any) -> Any:
    result = fn(*args)
    if inspect.isawaitable(result):
        result = await result
    if inspect.isgenerator(result):
        # Streaming isn't supported yet; the last value is the answer, as after a stream.
        result = (deque(result, maxlen=1) or [None])[0]
    return result


class Runtime:
    def __init__(self, app_dir: str | Path, entry: str = "app.py") -> None:
        self.app_dir = Path(app_dir)
        self.entry = entry
        self.call: Caller = call_directly
        self.interface: Interface | None = None
        self.session = Session(None)

    def load(self) -> Interface:
        """Run the app. Exceptions propagate: the caller shows them as a boot error."""
        alias_gradio()
        run_entry(self.app_dir, self.entry)
        self.interface = served_interface()
        self.session = Session(self.interface.state)
        return self.interface

    def modules(self) -> list[Any]:
        return app_modules(self.app_dir)

    def config(self) -> dict[str, Any]:
        return self._app().config()

    def clear(self) -> None:
        self.session.reset()

    async def event(self, event_id: int, data: list[Any]) -> dict[str, Any]:
        """Run the Interface's function on the page's input values; never raises."""
        app = self._app()
        inputs = app.page_inputs
        if len(data) != len(inputs):
            error = ValueError(f"Expected {len(inputs)} input values, got {len(data)}")
            return protocol.result_error(event_id, error, [])
        args, errors = self._preprocess(inputs, data)
        if errors:
            return protocol.result_invalid(event_id, errors)
        toasts: list[Toast] = []
        token = current_toasts.set(toasts)
        try:
            result = await self.call(app.fn, *self._with_state(app, args))
            outputs = self._postprocess(app, result)
        except Exception as exc:  # the app's failure is shown on the event; the app goes on
            return protocol.result_error(event_id, exc, toasts)
        finally:
            current_toasts.reset(token)
        return protocol.result_ok(event_id, outputs, toasts)

    # ---- helpers ----

    def _app(self) -> Interface:
        if self.interface is None:
            raise RuntimeError("Runtime.load() has not run")
        return self.interface

    @staticmethod
    def _preprocess(
        inputs: list[Component], data: list[Any]
    ) -> tuple[list[Any], dict[int, InputError]]:
        args, errors = [], {}
        for index, (component, payload) in enumerate(zip(inputs, data, strict=True)):
            try:
                args.append(component.preprocess(payload))
            except InputError as exc:
                errors[index] = exc
        return args, errors

    def _with_state(self, app: Interface, args: list[Any]) -> list[Any]:
        """Put the session value where the State input sits among the fn's arguments."""
        values = iter(args)
        return [
            self.session.value if component is app.state else next(values)
            for component in app.input_components
        ]

    def _postprocess(self, app: Interface, result: Any) -> list[Any]:
        outputs = app.output_components
        if len(outputs) == 1:
            results = [result]
        elif isinstance(result, list | tuple) and len(result) == len(outputs):
            results = list(result)
        else:
            got = len(result) if isinstance(result, list | tuple) else 1
            raise ValueError(
                f"The function returned {got} value(s) but the Interface has "
                f"{len(outputs)} outputs."
            )
        page = []
        new_state = self.session.value
        for component, value in zip(outputs, results, strict=True):
            if component is app.state:
                new_state = value
            else:
                page.append(component.postprocess(value))
        # Only a fully successful event updates the session.
        self.session.value = new_state
        return page
