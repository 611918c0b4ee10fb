"""The stored form of shared values: tagged JSON text (see tagged.py), never pickle.

The output is deterministic (sets are sorted) so comparing two encodings is how the
transaction detects in-place changes. Reading text back only rebuilds data.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .tagged import CodecError, Unencodable, from_tagged, to_tree

__all__ = ["MAX_DEPTH", "CodecError", "decode", "encode"]

_dumps = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode

# json's C parser recurses once per level, and in Pyodide a few thousand levels
# overflow the JavaScript stack: a fatal error, not a RecursionError. So texts deeper
# than this are refused before parsing, and never written.
MAX_DEPTH = 1000
_BRACKETS = bytes.maketrans(b"[]{}", b"()()")
_NOT_BRACKETS = bytes(c for c in range(256) if c not in b"[]{}")
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def encode(value: object, path: str = "") -> str:
    """Encode `value` as tagged JSON; `path` names it in error messages."""
    try:
        with _no_gc():
            text = _dumps(to_tree(value))
    except Unencodable as e:
        raise CodecError(_where(path + e.path) + e.reason) from None
    except RecursionError:
        raise CodecError(_where(path) + "nested too deeply, or contains itself") from None
    if _too_deep(text):
        raise CodecError(_where(path) + f"nested too deeply (over {MAX_DEPTH} levels)")
    return text


def decode(text: str) -> Any:
    """Decode text written by `encode`; anything else raises CodecError."""
    if not isinstance(text, str):
        raise CodecError(f"stored value is {type(text).__name__}, not text")
    if _too_deep(text):
        raise CodecError(f"stored value is nested too deeply (over {MAX_DEPTH} levels)")
    try:
        with _no_gc():
            return json.loads(text, object_hook=from_tagged, parse_constant=_reject_constant)
    except CodecError:
        raise
    except RecursionError:
        raise CodecError("stored value is nested too deeply") from None
    except (ValueError, TypeError) as e:  # JSONDecodeError, unhashable keys, int limits
        raise CodecError(f"stored value is corrupt: {e}") from None


def _reject_constant(name: str) -> Any:
    raise CodecError(f"stored value is corrupt: bare {name}")


def _where(path: str) -> str:
    return f"{path}: " if path else ""


def _too_deep(text: str) -> bool:
    if text.count("[") + text.count("{") <= MAX_DEPTH:  # the common case, at C speed
        return False
    # Brackets inside strings count too here; only if that says "too deep" is the
    # exact (slower) check without strings worth it.
    return _depth_over(text) and _depth_over(_STRINGS.sub("", text))


def _depth_over(text: str) -> bool:
    nesting = text.encode("utf-8", "surrogatepass").translate(_BRACKETS, _NOT_BRACKETS)
    run, pair, passes = b"(" * (MAX_DEPTH + 1), b"()", 0
    # Each pass removes the innermost pairs, so the passes count the depth.
    while run not in nesting and pair in nesting and passes <= MAX_DEPTH:
        nesting = nesting.replace(pair, b"")
        passes += 1
    return run in nesting or passes + nesting.count(b"(") > MAX_DEPTH


@contextmanager
def _no_gc() -> Iterator[None]:
    # Building or reading a big value allocates many containers and none of them form
    # cycles; the cycle collector's passes over them would cost nearly half the time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
