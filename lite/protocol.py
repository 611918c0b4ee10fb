"""The messages between the page and its app worker, defined once for the Python side.

The JS side is web/src/protocol.ts; tests/protocol_examples.json holds one example of
every message and both sides check themselves against it. Messages cross the seam as
JSON text, so Python only ever builds plain dicts here."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from .errors import Error, InputError, Toast

_RUNTIME_DIR = str(Path(__file__).resolve().parent)


def _app_traceback(exc: BaseException) -> str:
    """The traceback without the runtime's own frames: the user's code is what matters."""
    info = traceback.TracebackException.from_exception(exc)
    frames = [f for f in info.stack if not str(Path(f.filename).resolve()).startswith(_RUNTIME_DIR)]
    info.stack = traceback.StackSummary.from_list(frames)
    return "".join(info.format())


def error_info(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, Error):
        return {
            "kind": "error",
            "type": "Error",
            "message": exc.message,
            "traceback": None,
            "duration": exc.duration,
        }
    return {
        "kind": "exception",
        "type": type(exc).__name__,
        "message": str(exc),
        "traceback": _app_traceback(exc),
        "duration": None,
    }


def progress(step: str, text: str) -> dict[str, Any]:
    return {"type": "progress", "step": step, "text": text}


def ready(config: dict[str, Any]) -> dict[str, Any]:
    return {"type": "ready", "config": config}


def boot_error(exc: BaseException) -> dict[str, Any]:
    return {"type": "boot-error", "error": error_info(exc)}


def log(level: str, text: str) -> dict[str, Any]:
    return {"type": "log", "level": level, "text": text}


def notice(level: str, text: str) -> dict[str, Any]:
    return {"type": "notice", "level": level, "text": text}


def state_changed(names: list[str]) -> dict[str, Any]:
    return {"type": "state-changed", "names": names}


def _toasts(toasts: list[Toast]) -> list[dict[str, Any]]:
    return [
        {"level": t.level, "message": t.message, "title": t.title, "duration": t.duration}
        for t in toasts
    ]


def result_ok(event_id: int, data: list[Any], toasts: list[Toast]) -> dict[str, Any]:
    return {
        "type": "result",
        "id": event_id,
        "ok": True,
        "data": data,
        "error": None,
        "input_errors": [],
        "toasts": _toasts(toasts),
    }


def result_error(event_id: int, exc: BaseException, toasts: list[Toast]) -> dict[str, Any]:
    return {
        "type": "result",
        "id": event_id,
        "ok": False,
        "data": None,
        "error": error_info(exc),
        "input_errors": [],
        "toasts": _toasts(toasts),
    }


def result_invalid(event_id: int, errors: dict[int, InputError]) -> dict[str, Any]:
    return {
        "type": "result",
        "id": event_id,
        "ok": False,
        "data": None,
        "error": None,
        "input_errors": [{"index": i, "message": str(e)} for i, e in sorted(errors.items())],
        "toasts": [],
    }


# ---- while an event runs ----


def event_progress(event_id: int, levels: list[dict[str, Any]]) -> dict[str, Any]:
    """gr.Progress levels, outermost first: {index, length, unit, progress, desc} each."""
    return {"type": "event-progress", "id": event_id, "levels": levels}


def partial(event_id: int, data: list[Any]) -> dict[str, Any]:
    """A streamed value: a generator yielded; the event goes on."""
    return {"type": "partial", "id": event_id, "data": data}


def stopped(event_id: int) -> dict[str, Any]:
    """The event ended because the user stopped it (not an error)."""
    return {"type": "stopped", "id": event_id, "reset": False}


def shared_data_result(
    request_id: int,
    names: list[dict[str, Any]],
    *,
    data: str | None = None,
    message: str | None = None,
    warnings: list[str] | None = None,
) -> dict[str, Any]:
    """The answer to a "shared-data" request; `message` says why it failed (nothing changed)."""
    return {
        "type": "shared-data-result",
        "id": request_id,
        "ok": message is None,
        "names": names,
        "data": data,
        "message": message,
        "warnings": warnings or [],
    }
