"""The Python side of the worker seam: the only module that deals with the JS host.

The worker (web/src/worker.ts) calls boot() once and then handle() for each message,
strictly one at a time. Messages cross as JSON text, which keeps the seam to two calls
and avoids proxies that would need manual destruction."""

from __future__ import annotations

import json
import sys
from typing import Any

from . import protocol
from .runtime import Runtime

_runtime: Runtime | None = None
_host: Any = None


def _post(message: dict[str, Any]) -> None:
    if _host is not None:
        _host.post(json.dumps(message))


async def _install(requirements: list[str], app_dir: str) -> None:
    if not requirements:
        return
    _post(protocol.progress("packages", f"Installing {', '.join(requirements)}"))
    import pyodide_js  # type: ignore[import-not-found]

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
    """Install the app's requirements, run it, and answer Ready or BootError."""
    global _runtime, _host
    _host = host
    manifest = json.loads(manifest_json)
    try:
        await _install(manifest.get("requirements") or [], manifest["appDir"])
        _post(protocol.progress("app", "Starting the app"))
        runtime = Runtime(manifest["appDir"], manifest["entry"])
        runtime.load()
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
