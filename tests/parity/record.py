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


# Where each page shows a file from: Gradio's server route, lite's object URLs.
FILE_URLS = ("/gradio_api/file=", "blob:")


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def stable_repr(value: Any) -> str:
    """repr(value), except where repr shows where a thing lives or hides what it holds:
    a path to a file is its name and a hash of its bytes, and the URL the page shows it
    at is just that (where it lives is each system's own: Gradio copies uploads and
    examples into its cache and serves them; lite keeps them in the page's file system
    and shows them through object URLs); bytes, numpy arrays and PIL images are their shape and a
    hash of their data (a PIL repr holds a memory address); lists, tuples and dicts are
    shown item by item."""
    if isinstance(value, str) and 0 < len(value) < 4096 and os.path.isfile(value):
        with open(value, "rb") as file:
            data = file.read()
        return f"<path to a file named {os.path.basename(value)!r}, sha256 {_hash(data)}>"
    if isinstance(value, str) and value.startswith(FILE_URLS):
        return "<the URL the page shows a file at>"
    if isinstance(value, bytes | bytearray):
        return f"<{len(value)} bytes, sha256 {_hash(bytes(value))}>"
    module = type(value).__module__ or ""
    if module == "numpy" and type(value).__name__ == "ndarray":
        return f"<ndarray {value.dtype} {value.shape}, sha256 {_hash(value.tobytes())}>"
    if module.startswith("PIL.") and hasattr(value, "tobytes"):
        return f"<PIL image {value.mode} {value.size}, sha256 {_hash(value.tobytes())}>"
    if module.startswith("pandas."):
        dtypes = getattr(value, "dtypes", None)
        return f"{value!r}\n{dtypes!r}" if dtypes is not None else repr(value)
    if isinstance(value, list | tuple):
        inner = ", ".join(stable_repr(v) for v in value)
        if isinstance(value, list):
            return f"[{inner}]"
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {stable_repr(v)}" for k, v in value.items()) + "}"
    return repr(value)


def describe(value: Any) -> dict[str, str]:
    """A received argument: its exact type and stable repr (3 and 3.0 differ here, as
    they do in the function)."""
    text = stable_repr(value)
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
