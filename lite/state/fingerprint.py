"""Cheap answers to "is this shared value still the committed one?", so an event pays
for encoding only the values it changed."""

from __future__ import annotations

import pickle
from typing import Any

_IMMUTABLE_LEAVES = (type(None), bool, int, float, str, bytes)


def fingerprint(value: object) -> bytes | None:
    """pickle runs in C, several times faster than our codec, and tells types apart
    (1, 1.0 and True differ), so equal bytes prove an equal value. The bytes are only
    compared: never loaded, never stored."""
    try:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (RecursionError, pickle.PicklingError, TypeError, AttributeError):
        return None  # compared by encoding instead


def immutable(value: object) -> bool:
    """Deeply immutable: such a value can only change by rebinding the name."""
    pending: list[Any] = [value]  # a loop, not recursion: values may be nested deeply
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is tuple or kind is frozenset:
            pending.extend(item)
        elif kind not in _IMMUTABLE_LEAVES:
            return False
    return True
