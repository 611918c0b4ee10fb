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
from .state import GlobalState, LogCallback, Store, namespace_for
from .state.session import Session
from .state.store import ChangeCallback

# How an event's function gets called: directly, or inside a global-state transaction.
Caller = Callable[..., Awaitable[Any]]


async def call_directly(fn: Callable[..., Any], *args: Any) -> Any:
    result = fn(*args)
    return await result if inspect.isawaitable(result) else result


def event_function(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Streaming isn't supported yet: a generator's last value is the answer, as after a
    stream. Draining it inside the call keeps its writes inside the shared-state
    transaction."""
    if not inspect.isgeneratorfunction(fn):
        return fn

    def last_value(*args: Any) -> Any:
        return (deque(fn(*args), maxlen=1) or [None])[0]

    return last_value


class Runtime:
    def __init__(self, app_dir: str | Path, entry: str = "app.py") -> None:
        self.app_dir = Path(app_dir)
        self.entry = entry
        self.call: Caller = call_directly
        self.interface: Interface | None = None
        self.session = Session(None)
        self.shared: GlobalState | None = None
        self._fn: Callable[..., Any] = call_directly  # the Interface's fn, once loaded

    def load(self) -> Interface:
        """Run the app. Exceptions propagate: the caller shows them as a boot error."""
        alias_gradio()
        run_entry(self.app_dir, self.entry)
        self.interface = served_interface()
        self.session = Session(self.interface.state)
        self._fn = event_function(self.interface.fn)
        return self.interface

    async def share_globals(
        self,
        store: Store,
        *,
        app_id: str,
        state_key: str | None = None,
        namespace: str | None = None,
        log: LogCallback | None = None,
        on_change: ChangeCallback | None = None,
    ) -> GlobalState:
        """Share the app's module-level data with every tab of this app, through `store`.

        The namespace is a hash of the app's identity and files unless `state_key` names
        one, so a changed app starts fresh, like a server restarted after a redeploy.
        A build computes it once (`namespace`, from app.json); an inline app has no
        build, so its files are hashed here, with its page (`app_id`)."""
        if state_key is not None:
            namespace = namespace_for({}, state_key)
        elif namespace is None:
            files = {
                str(path.relative_to(self.app_dir)): path.read_bytes()
                for path in sorted(self.app_dir.rglob("*"))
                if path.is_file() and "__pycache__" not in path.parts
            }
            namespace = namespace_for(files, entry=self.entry, page=app_id)
        shared = GlobalState(
            store, namespace, self.modules(), app_id=app_id, log=log, on_change=on_change
        )
        await shared.start()
        self.shared = shared
        self.call = shared.run
        return shared

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
            result = await self.call(self._fn, *self._with_state(app, args))
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
