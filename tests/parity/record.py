"""What one event did, recorded the same way on both sides (Gradio's venv and ours).

Standard library only: this module is imported by Gradio's side, which runs in
bench/.gradio-venv, and by lite's side, which runs in .venv."""

from __future__ import annotations

import functools
import hashlib
import inspect
import os
from collections.abc import Callable
from typing import Any

# Reprs longer than this are recorded as their length and hash, so the recordings stay small.
LONG_REPR = 300


def describe(value: Any) -> dict[str, str]:
    """A received argument: its exact type and repr (3 and 3.0 differ here, as they do in
    the function). A path to a file is recorded by the file's name: where it lives is each
    system's own (Gradio copies uploads and examples into its cache; lite keeps them in
    the page's file system)."""
    if isinstance(value, str) and 0 < len(value) < 4096 and os.path.isfile(value):
        return {"type": "str", "repr": f"<path to a file named {os.path.basename(value)!r}>"}
    text = repr(value)
    if len(text) > LONG_REPR:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        text = f"<repr of {len(text)} chars, sha256 {digest}>"
    return {"type": type(value).__name__, "repr": text}


class Calls:
    """What the app's function received and raised during one event."""

    def __init__(self) -> None:
        self.received: list[dict[str, str]] | None = None
        self.raised: str | None = None
        self.returned = False

    def reset(self) -> None:
        self.__init__()  # type: ignore[misc]


def recording(fn: Callable[..., Any], calls: Calls) -> Callable[..., Any]:
    """`fn`, recording into `calls`. Keeps fn's kind (generator, coroutine) and signature,
    which both systems inspect."""

    def before(args: tuple[Any, ...]) -> None:
        calls.received = [describe(a) for a in args]

    def failed(exc: BaseException) -> None:
        calls.raised = type(exc).__name__

    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def gen_wrapper(*args: Any) -> Any:
            before(args)
            try:
                result = yield from fn(*args)
            except Exception as exc:
                failed(exc)
                raise
            calls.returned = True
            return result

        return gen_wrapper

    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def async_wrapper(*args: Any) -> Any:
            before(args)
            try:
                result = await fn(*args)
            except Exception as exc:
                failed(exc)
                raise
            calls.returned = True
            return result

        return async_wrapper

    @functools.wraps(fn)
    def wrapper(*args: Any) -> Any:
        before(args)
        try:
            result = fn(*args)
        except Exception as exc:
            failed(exc)
            raise
        calls.returned = True
        return result

    return wrapper


def outcome(calls: Calls, ok: bool) -> str:
    """The event's kind of ending, comparable across the two systems:
    ok, input (refused before the function ran), fn (the function raised),
    output (the function returned but its value could not be shown)."""
    if ok:
        return "ok"
    if calls.received is None:
        return "error:input"
    if calls.raised is not None:
        return f"error:fn:{calls.raised}"
    return "error:output"
