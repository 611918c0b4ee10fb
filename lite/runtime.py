"""One app in one page session: load it, describe it, run its events.

Pure Python, so host tests drive the same code the browser worker does."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from . import protocol
from .app import alias_gradio, app_modules, run_entry, served_interface
from .components import Component
from .components.state import Session
from .errors import InputError, Toast, current_toasts
from .interface import Interface
from .progress import current_reporter, make_reporter
from .request import Request, new_session_hash
from .state import GlobalState, LogCallback, Store, namespace_for
from .state.store import ChangeCallback
from .tabbed import TabbedInterface

# How an event's function gets called: directly, or inside a global-state transaction.
Caller = Callable[..., Awaitable[Any]]
# Posts a message to the page while an event runs (progress, partial results).
Emit = Callable[[dict[str, Any]], None]


async def call_directly(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    result = fn(*args, **kwargs)
    return await result if inspect.isawaitable(result) else result


class Stopped(Exception):
    """The user stopped the event (Stop button, or another tab asked)."""


class Runtime:
    def __init__(self, app_dir: str | Path, entry: str = "app.py") -> None:
        self.app_dir = Path(app_dir)
        self.entry = entry
        self.call: Caller = call_directly
        self.shared: GlobalState | None = None
        self.interface: Interface | None = None
        self.apps: list[Interface] = []  # one per tab of a TabbedInterface, else one
        self.sessions: list[Session] = [Session(None)]
        self.session = self.sessions[0]
        self.page: dict[str, Any] | None = None  # what the page says of itself (gr.Request)
        self.session_hash = new_session_hash()
        self.served: Interface | TabbedInterface | None = None
        self._running: asyncio.Future[Any] | None = None
        self._running_id = 0

    def load(self) -> Interface:
        """Run the app. Exceptions propagate: the caller shows them as a boot error."""
        alias_gradio()
        run_entry(self.app_dir, self.entry)
        served: Any = served_interface()
        self.served = served
        self.apps = list(served.interfaces) if isinstance(served, TabbedInterface) else [served]
        self.interface = self.apps[0]
        self.sessions = [Session(app.state) for app in self.apps]
        self.session = self.sessions[0]
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
        self.call = shared.run
        self.shared = shared  # the Shared data control's export, import and reset use it
        return shared

    def modules(self) -> list[Any]:
        return app_modules(self.app_dir)

    def config(self) -> dict[str, Any]:
        if self.served is None:
            raise RuntimeError("Runtime.load() has not run")
        return self.served.config()

    def clear(self, tab: int = 0) -> None:
        self.sessions[tab].reset()

    def stop(self, event_id: int | None = None) -> bool:
        """Cancel the running event (`event_id`, or whichever runs) at its next await;
        False if it isn't running."""
        running = self._running
        if running is None or running.done():
            return False
        if event_id is not None and event_id != self._running_id:
            return False
        running.cancel()
        return True

    async def event(
        self, event_id: int, data: list[Any], *, tab: int = 0, emit: Emit | None = None
    ) -> dict[str, Any]:
        """Run the Interface's function on the page's input values; never raises.

        `emit` receives progress and each streamed partial result while it runs."""
        try:
            app, session = self._app(tab), self.sessions[tab]
        except (RuntimeError, IndexError) as exc:
            return protocol.result_error(event_id, exc, [])
        inputs = app.page_inputs
        if len(data) != len(inputs):
            error = ValueError(f"Expected {len(inputs)} input values, got {len(data)}")
            return protocol.result_error(event_id, error, [])
        try:
            values, errors = self._preprocess(inputs, data)
        except Exception as exc:  # gr.Error or a failure in preprocess: the event's error
            return protocol.result_error(event_id, exc, [])
        if errors:
            return protocol.result_invalid(event_id, errors)
        toasts: list[Toast] = []
        token = current_toasts.set(toasts)
        reporter = current_reporter.set(make_reporter(emit, event_id) if emit else None)
        try:
            # Its own task, so Stop can cancel an async function at its next await.
            running = asyncio.ensure_future(self._run(app, session, event_id, values, emit))
            self._running, self._running_id = running, event_id
            outputs = await running
        except (Stopped, KeyboardInterrupt, asyncio.CancelledError):
            # KeyboardInterrupt is Stop through the interrupt buffer: never let it escape.
            if self._running is not None and not self._running.cancelled():
                self._running.cancel()  # an interrupt that hit this frame, not the task
            return protocol.stopped(event_id)
        except Exception as exc:  # the app's failure is shown on the event; the app goes on
            return protocol.result_error(event_id, exc, toasts)
        finally:
            self._running = None
            current_reporter.reset(reporter)
            current_toasts.reset(token)
        return protocol.result_ok(event_id, outputs, toasts)

    # ---- running the function ----

    async def _run(
        self,
        app: Interface,
        session: Session,
        event_id: int,
        values: list[Any],
        emit: Emit | None,
    ) -> list[Any]:
        try:
            args = self._with_state(app, session, values)
            if app.batch:
                args = [[value] for value in args]
            request = Request.from_page(self.page, self.session_hash)
            args, kwargs = app.special.call_args(args, request)
            fn = app.fn
            if inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn):
                return await self._stream(app, session, event_id, fn(*args, **kwargs), emit)
            result = await self.call(fn, *args, **kwargs)
            if app.batch:
                result = _first_of_batch(result, len(app.output_components))
            return self._postprocess(app, session, result)
        except KeyboardInterrupt as exc:  # a Task must not end with it: asyncio re-raises it
            raise Stopped() from exc

    async def _stream(
        self, app: Interface, session: Session, event_id: int, gen: Any, emit: Emit | None
    ) -> list[Any]:
        """Each step of the generator is its own call (and shared-state transaction), so
        the shared-data lock is never held while the page shows a partial result."""
        fn = app.fn
        if inspect.isasyncgen(gen):

            async def step() -> tuple[bool, Any]:
                _ = fn  # named, so shared-state reach analysis follows the generator function
                try:
                    return False, await gen.__anext__()
                except StopAsyncIteration:
                    return True, None

        else:

            def step() -> tuple[bool, Any]:  # type: ignore[misc]
                _ = fn
                try:
                    return False, next(gen)
                except StopIteration:
                    return True, None

        outputs: list[Any] | None = None
        try:
            while True:
                done, value = await self.call(step)
                if done:
                    break
                outputs = self._postprocess(app, session, value)
                if emit is not None:
                    emit(protocol.partial(event_id, outputs))
        finally:
            close = getattr(gen, "aclose", None)
            if close is not None:
                await close()
            else:
                gen.close()
        if outputs is None:  # it yielded nothing: like a function that returned None
            none = None if len(app.output_components) == 1 else [None] * len(app.output_components)
            outputs = self._postprocess(app, session, none)
        return outputs

    # ---- helpers ----

    def _app(self, tab: int) -> Interface:
        if not self.apps:
            raise RuntimeError("Runtime.load() has not run")
        return self.apps[tab]

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

    @staticmethod
    def _with_state(app: Interface, session: Session, args: list[Any]) -> list[Any]:
        """Put the session value where the State input sits among the fn's arguments."""
        values = iter(args)
        return [
            session.value if component is app.state else next(values)
            for component in app.input_components
        ]

    @staticmethod
    def _postprocess(app: Interface, session: Session, result: Any) -> list[Any]:
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
        new_state = session.value
        for component, value in zip(outputs, results, strict=True):
            if component is app.state:
                new_state = value
            else:
                page.append(component.postprocess(value))
        # Only a fully successful event updates the session.
        session.value = new_state
        return page


def _first_of_batch(result: Any, outputs: int) -> Any:
    """Gradio's batch functions return one list per output; this event is item 0 of each."""
    if not isinstance(result, list | tuple) or len(result) != outputs:
        raise ValueError(
            f"A batch function must return a list (or tuple) of {outputs} list(s), one per "
            f"output, each with one value per input sample; got {type(result).__name__}."
        )
    firsts = []
    for values in result:
        if not isinstance(values, list | tuple) or not values:
            raise ValueError(
                "A batch function must return one non-empty list per output, got "
                f"{type(values).__name__}."
            )
        firsts.append(values[0])
    return firsts[0] if outputs == 1 else firsts
