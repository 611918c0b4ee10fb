"""The Python side of the worker seam: the only module that deals with the JS host.

The worker (web/src/worker.ts) calls boot() once and then handle() for each message,
strictly one at a time. Messages cross as JSON text, which keeps the seam to two calls
and avoids proxies that would need manual destruction. The host also carries the
shared-state store (web/src/store.ts), which BrowserStore adapts to lite.state's Store."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

from . import protocol
from .runtime import Runtime
from .state import StoreError, StoreFullError, VersionConflictError
from .state.store import ChangeCallback

_runtime: Runtime | None = None
_host: Any = None


def _post(message: dict[str, Any]) -> None:
    if _host is not None:
        _host.post(json.dumps(message))


class BrowserStore:
    """lite.state's Store over IndexedDB, Web Locks and BroadcastChannel (store.ts)."""

    def __init__(self, js: Any) -> None:
        self._js = js

    @asynccontextmanager
    async def lock(self, namespace: str) -> AsyncIterator[None]:
        release = await self._js.acquire(namespace)
        try:
            yield None
        finally:
            release()

    async def read_since(self, namespace: str, version: int) -> tuple[int, dict[str, str]]:
        data = json.loads(await self._js.readSince(namespace, version))
        return data["version"], data["entries"]

    async def commit(self, namespace: str, changes: Mapping[str, str], base_version: int) -> int:
        reply = json.loads(
            await self._js.commit(namespace, json.dumps(dict(changes)), base_version)
        )
        if reply["ok"]:
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


async def boot(manifest_json: str, host: Any) -> str:
    """Install the app's requirements, run it, share its globals; answer Ready or BootError."""
    global _runtime, _host
    _host = host
    manifest = json.loads(manifest_json)
    try:
        await _install(manifest.get("requirements") or [], manifest["app_dir"])
        _post(protocol.progress("app", "Starting the app"))
        # Apps open their data files by relative path, as `python app.py` in its folder does.
        os.chdir(manifest["app_dir"])
        runtime = Runtime(manifest["app_dir"], manifest["entry"])
        runtime.load()
        await runtime.share_globals(
            BrowserStore(host.store),
            app_id=manifest["app_id"],
            state_key=manifest.get("state_key"),
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


async def handle(message_json: str) -> str:
    """One EventRequest or ClearRequest; answers an EventResult."""
    message = json.loads(message_json)
    if _runtime is None:
        error = RuntimeError("The app is not running")
        return json.dumps(protocol.result_error(message.get("id", 0), error, []))
    if message["type"] == "clear":
        _runtime.clear()
        return json.dumps(protocol.result_ok(message["id"], [], []))
    try:
        result = await _runtime.event(message["id"], message["data"])
        return json.dumps(result, allow_nan=False)
    except ValueError as exc:  # an output JSON can't carry; the app goes on
        return json.dumps(protocol.result_error(message["id"], exc, []))
    finally:
        sys.stdout.flush()
