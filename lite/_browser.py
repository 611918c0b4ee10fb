"""The Python side of the worker seam: the only module that deals with the JS host.

The worker (web/src/worker.ts) calls boot() once and then handle() for each message,
strictly one at a time. Messages cross as JSON text, which keeps the seam to two calls
and avoids proxies that would need manual destruction. The host also carries the
shared-state store (web/src/store.ts), which BrowserStore adapts to lite.state's Store."""

from __future__ import annotations

import json
import os
import sys
import time
import warnings
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

from . import protocol
from .runtime import Runtime
from .state import StoreError, StoreFullError, VersionConflictError, transfer
from .state.store import ChangeCallback, Deltas, Entries

_runtime: Runtime | None = None
_host: Any = None


def _post(message: dict[str, Any]) -> None:
    if _host is not None:
        _host.post(json.dumps(message))


class BrowserStore:
    """lite.state's Store over IndexedDB, Web Locks and BroadcastChannel (store.ts)."""

    def __init__(self, js: Any) -> None:
        self._js = js
        # namespace -> the version this tab last read or committed, so a freshly
        # granted lock can read what changed since before Python asks (takeRead).
        self._known: dict[str, int] = {}

    @asynccontextmanager
    async def lock(self, namespace: str) -> AsyncIterator[bool]:
        # A lock this tab kept is taken without a round trip through the event loop.
        grant = self._js.tryAcquire(namespace)
        if not grant:
            try:
                grant = await self._js.acquire(namespace, self._known.get(namespace))
            except BaseException:
                # Stopped while waiting: withdraw the request, or the browser would grant
                # the lock later to nobody and this tab would hold it for ever.
                self._js.abandon(namespace)
                raise
        try:
            yield bool(grant.kept)
        finally:
            grant.release()

    async def read_since(self, namespace: str, version: int) -> tuple[int, Entries, Deltas]:
        text = self._js.takeRead(namespace, version) or await self._js.readSince(namespace, version)
        data = json.loads(text)
        self._known[namespace] = data["version"]
        return data["version"], data["entries"], data["deltas"]

    async def commit(
        self,
        namespace: str,
        values: Mapping[str, str],
        base_version: int,
        deltas: Mapping[str, str] | None = None,
    ) -> int:
        reply = json.loads(
            await self._js.commit(
                namespace, json.dumps(dict(values)), base_version, json.dumps(dict(deltas or {}))
            )
        )
        if reply["ok"]:
            self._known[namespace] = int(reply["version"])
            return int(reply["version"])
        error = {"quota": StoreFullError, "conflict": VersionConflictError}.get(
            reply["error"], StoreError
        )
        raise error(reply["message"])

    async def quarantine(self, namespace: str, key: str, text: str, reason: str) -> None:
        await self._js.quarantine(namespace, key, text, reason)

    async def broadcast(self, namespace: str, version: int, keys: list[str]) -> None:
        self._js.broadcast(namespace, version, json.dumps(keys))

    def subscribe(self, namespace: str, callback: ChangeCallback) -> Callable[[], None]:
        from pyodide.ffi import create_proxy

        def on_notice(version: int, names: str) -> None:
            callback(int(version), json.loads(names))

        # Kept for the worker's lifetime: one app runs per worker.
        self._js.subscribe(namespace, create_proxy(on_notice))
        return lambda: None

    async def register(self, namespace: str, app_id: str, keep: int = 3) -> None:
        await self._js.register(namespace, app_id, keep)


def _log(level: str, text: str) -> None:
    # Errors and warnings about shared data are the user's business, not only the console's.
    _post(protocol.notice(level, text) if level != "info" else protocol.log(level, text))


def _changed(version: int, keys: list[str]) -> None:
    _post(protocol.state_changed([key.partition(":")[2] for key in keys]))


async def _install(requirements: list[str], app_dir: str) -> None:
    if not requirements:
        return
    _post(protocol.progress("packages", f"Installing {', '.join(requirements)}"))
    import pyodide_js  # type: ignore[import-not-found]
    from js import Object

    # Resolved by `lite build`: the wheels are in the site and its lock, so they load from
    # there like the runtime's own, offline, never asking an index.
    locked = [r for r in requirements if Object.hasOwn(pyodide_js.lockfile.packages, r)]
    if locked:
        await pyodide_js.loadPackage(locked)
    requirements = [r for r in requirements if r not in locked]
    if not requirements:
        return
    # Only apps with requirements pay for loading micropip (from the site, via the lock).
    await pyodide_js.loadPackage("micropip")
    import micropip

    # A wheel shipped next to the app installs from the app's folder, so it works offline.
    local = [
        f"emfs:{app_dir}/{req}" if req.endswith(".whl") and "://" not in req else req
        for req in requirements
    ]
    await micropip.install(local)


def _install_sleep() -> None:
    """Make time.sleep work in every event. Pyodide's own sleep suspends Python with
    JSPI, but a memory snapshot made where JSPI is missing (Node, at build time) keeps
    it turned off, and then time.sleep raises. Fall back to blocking the worker (it is
    not the page's thread): Atomics.wait where a SharedArrayBuffer exists, else a
    loop. Either way Python keeps checking the interrupt buffer, so Stop still works."""
    import js

    pyodide_sleep = time.sleep
    view = None
    if getattr(js, "crossOriginIsolated", False):
        view = js.Int32Array.new(js.SharedArrayBuffer.new(4))
    broken = False

    def blocking_sleep(seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if view is not None:
                js.Atomics.wait(view, 0, 0, min(left, 0.05) * 1000)

    def sleep(seconds: Any) -> None:
        nonlocal broken
        if not broken:
            # The failed attempt leaves an un-awaited coroutine behind: no warning for it.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                try:
                    pyodide_sleep(seconds)
                    return
                except RuntimeError as exc:
                    if "stack switching" not in str(exc):
                        raise
                    broken = True
        blocking_sleep(float(seconds))

    time.sleep = sleep


async def boot(manifest_json: str, host: Any) -> str:
    """Install the app's requirements, run it, share its globals; answer Ready or BootError."""
    global _runtime, _host
    _host = host
    manifest = json.loads(manifest_json)
    _install_sleep()
    try:
        await _install(manifest.get("requirements") or [], manifest["app_dir"])
        _post(protocol.progress("app", "Starting the app"))
        # Apps open their data files by relative path, as `python app.py` in its folder does.
        os.chdir(manifest["app_dir"])
        runtime = Runtime(manifest["app_dir"], manifest["entry"])
        runtime.page = manifest.get("request")  # the page, as gr.Request describes it
        runtime.load()
        await runtime.share_globals(
            BrowserStore(host.store),
            app_id=manifest["app_id"],
            state_key=manifest.get("state_key"),
            namespace=manifest.get("state_namespace"),
            log=_log,
            on_change=_changed,
        )
        config = runtime.config()
    except BaseException as exc:  # anything the app raises, even SystemExit, is shown
        return json.dumps(protocol.boot_error(exc))
    finally:
        sys.stdout.flush()
    _runtime = runtime
    return json.dumps(protocol.ready(config))


def _emit(message: dict[str, Any]) -> None:
    """Progress and partial results, posted while the event runs."""
    try:
        _post(message)
    except ValueError as exc:  # a streamed value JSON can't carry: say so, go on
        _post(protocol.log("error", f"A streamed value could not be shown: {exc}"))


async def _shared_data(message: dict[str, Any]) -> dict[str, Any]:
    """One SharedDataRequest: info, export, import or reset; answers a SharedDataResult."""
    shared = _runtime.shared if _runtime is not None else None
    request_id = message["id"]
    if shared is None:
        return protocol.shared_data_result(request_id, [], message="The app is not running.")
    action, data = message["action"], None
    try:
        warnings: list[str] = []
        if action == "export":
            data = await transfer.export_data(shared)
        elif action == "import":
            warnings = await transfer.import_data(shared, message.get("data") or "")
        elif action == "reset":
            await transfer.reset(shared)
        elif action != "info":
            raise transfer.ImportRefused(f"unknown shared-data action {action!r}")
    except (transfer.ImportRefused, StoreError) as exc:
        return protocol.shared_data_result(
            request_id, transfer.names(shared), message=str(exc) or type(exc).__name__
        )
    return protocol.shared_data_result(
        request_id, transfer.names(shared), data=data, warnings=warnings
    )


async def handle(message_json: str) -> str:
    """One EventRequest or ClearRequest (answers an EventResult, or Stopped) or a
    SharedDataRequest (answers a SharedDataResult)."""
    message = json.loads(message_json)
    if message["type"] == "shared-data":
        return json.dumps(await _shared_data(message))
    if _runtime is None:
        error = RuntimeError("The app is not running")
        return json.dumps(protocol.result_error(message.get("id", 0), error, []))
    try:
        if message["type"] == "clear":
            _runtime.clear(message.get("tab") or 0)
            return json.dumps(protocol.result_ok(message["id"], [], []))
        result = await _runtime.event(
            message["id"], message["data"], tab=message.get("tab") or 0, emit=_emit
        )
        return json.dumps(result, allow_nan=False)
    except ValueError as exc:  # an output JSON can't carry; the app goes on
        return json.dumps(protocol.result_error(message["id"], exc, []))
    except KeyboardInterrupt:  # a Stop that landed outside the function: still a stop
        return json.dumps(protocol.stopped(message["id"]))
    finally:
        sys.stdout.flush()


def stop(event_id: int) -> bool:
    """A StopRequest, handled at once (not queued): cancels an async function at its
    await. Sync code is stopped by the interrupt buffer instead; it can't be here."""
    return _runtime is not None and _runtime.stop(event_id)
