"""The tagged-JSON tree of a shared value, and the fixed table that reads it back.

Plain JSON cannot tell a tuple from a list and loses non-string dict keys, bytes, NaN
and big ints. Values JSON already represents exactly stay as they are; everything else
becomes a one-key object whose key starts with "#". A str-keyed dict that itself has a
single "#" key is written in the tagged pair form, so the two are never confused. Only
the tags below are ever read back: data is rebuilt by this table, never executed.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import reprlib
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Collection
from typing import Any

__all__ = ["CodecError", "Unencodable", "from_tagged", "to_tree"]

# Beyond 2**53 a JavaScript reader of the store would round ints; hex also avoids
# Python's limit on converting huge ints to decimal text.
_SAFE_INT = 2**53

# defaultdict factories we can name and recreate; anything else is not plain data.
_FACTORIES: dict[str, Any] = {
    f.__name__: f for f in (list, dict, set, frozenset, tuple, int, float, str, bytes, bool)
}

# Orders set elements of mixed types, so equal sets give equal trees.
_json = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode

_PLAIN_TYPES = "None, bool, int, float, str, bytes, list, tuple, dict, set or frozenset"


class CodecError(ValueError):
    """A value cannot be shared, or stored text is not a valid encoding."""


class Unencodable(Exception):
    # Raised at the failing leaf; each container on the way out prepends its
    # path segment. Costs nothing on the success path.
    def __init__(self, node: object, reason: str) -> None:
        self.node = node
        self.reason = reason
        self.path = ""


def to_tree(value: Any) -> Any:
    """The JSON-ready tree of `value`; raises Unencodable naming the failing part."""
    return _enc(value)


def _enc(v: Any) -> Any:
    t = type(v)
    if t is str or t is bool or v is None:
        return v
    if t is int:
        return v if -_SAFE_INT < v < _SAFE_INT else {"#i": format(v, "x")}
    if t is float:
        return v if math.isfinite(v) else {"#f": repr(v)}  # "nan", "inf" or "-inf"
    try:
        if t is list:
            return _seq(v)
        if t is dict:
            return _dict(v)
        if t is tuple:
            return {"#t": _seq(v)}
        if t is defaultdict:
            f = v.default_factory
            if f is None or _FACTORIES.get(getattr(f, "__name__", "")) is f:
                return {"#dd": [None if f is None else f.__name__, _pairs(v)]}
        if t is Counter:
            return {"#C": _pairs(v)}
        if t is OrderedDict:
            return {"#od": _pairs(v)}
    except Unencodable as e:
        raise _inside(e, v) from None
    if t is set or t is frozenset:
        try:
            return {"#s" if t is set else "#fs": _sorted(v)}
        except Unencodable as e:
            e.path = "{…}" + e.path
            raise
    if t is bytes:
        return {"#b": base64.b64encode(v).decode("ascii")}
    raise Unencodable(
        v, f"cannot share object of type {t.__name__} (shared values are {_PLAIN_TYPES}, nested)"
    )


# The loops below inline the common leaves and containers instead of calling _enc for
# each child: it is what keeps 100k-item values well under 100 ms on CPython. When a
# child fails they start over through _enc, which builds the exact error path.


def _seq(v: list[Any] | tuple[Any, ...]) -> list[Any] | tuple[Any, ...]:
    if len(v) > 64 and _all_leaves(v):
        return v  # json only reads it; no copy needed
    out: list[Any] = []
    add = out.append
    try:
        for x in v:
            t = type(x)
            if (
                t is str
                or t is bool
                or x is None
                or (t is int and -_SAFE_INT < x < _SAFE_INT)
                or (t is float and x - x == 0.0)  # finite: inf - inf and nan - nan are nan
            ):
                add(x)
            elif t is tuple:
                add({"#t": _seq(x)})
            elif t is dict:
                add(_dict(x))
            elif t is list:
                add(_seq(x))
            else:
                add(_enc(x))
    except Unencodable:
        return [_enc(x) for x in v]
    return out


def _dict(v: dict[Any, Any]) -> Any:
    if len(v) > 64 and set(map(type, v)) == {str} and _all_leaves(v.values()):
        return v
    # Most dicts (records) hold only str keys and leaves: they are returned as they are,
    # and a copy is only started at the first value that needs converting.
    out: dict[str, Any] | None = None
    try:
        for k, x in v.items():
            if type(k) is not str:
                return {"#d": _pairs(v)}
            t = type(x)
            if (
                t is str
                or t is bool
                or x is None
                or (t is int and -_SAFE_INT < x < _SAFE_INT)
                or (t is float and x - x == 0.0)
            ):
                if out is not None:
                    out[k] = x
                continue
            if out is None:
                out = {}
                for before, y in v.items():
                    if before is k:
                        break
                    out[before] = y
            if t is list:
                out[k] = _seq(x)
            elif t is dict:
                out[k] = _dict(x)
            else:
                out[k] = _enc(x)
    except Unencodable:
        if any(type(k) is not str for k in v):
            return {"#d": _pairs(v)}
        return {k: _enc(x) for k, x in v.items()}
    if len(v) == 1 and next(iter(v))[:1] == "#":  # would read back as a tag
        return {"#d": _pairs(v)}
    return v if out is None else out


def _all_leaves(v: Collection[Any]) -> bool:
    # C-speed scan for the common "long list of numbers or strings" case.
    types = set(map(type, v))
    if types <= _TEXT_TYPES:
        return True
    if types <= _NUMBER_TYPES:
        try:
            return all(map(math.isfinite, v)) and min(v) > -_SAFE_INT and max(v) < _SAFE_INT
        except OverflowError:  # an int too big for a float
            return False
    return False


_TEXT_TYPES = {str, bool, type(None)}
_NUMBER_TYPES = {int, float}


def _pairs(d: dict[Any, Any]) -> list[list[Any]]:
    out = []
    for k, x in d.items():
        try:
            ek = k if type(k) is str else _enc(k)
        except Unencodable as e:
            e.path = f"<key {reprlib.repr(k)}>" + e.path
            e.node = d
            raise
        t = type(x)
        if t is str or t is bool or x is None or (t is int and -_SAFE_INT < x < _SAFE_INT):
            out.append([ek, x])
        else:
            out.append([ek, _enc(x)])
    return out


def _inside(e: Unencodable, container: Any) -> Unencodable:
    # Find which child failed by identity; only runs when encoding already failed. If
    # e.node is the container itself, a dict key failed and its segment is there.
    items = container.items() if isinstance(container, dict) else enumerate(container)
    for k, x in items if e.node is not container else ():
        if x is e.node:
            e.path = f"[{reprlib.repr(k)}]" + e.path
            break
    e.node = container
    return e


def _sorted(items: set[Any] | frozenset[Any]) -> list[Any]:
    encoded = [_enc(x) for x in items]
    # Same-typed elements sort natively (fast); mixed ones by their JSON text. Which
    # rule applies depends only on the contents, so equal sets encode equally.
    kinds = {type(x) for x in encoded}
    if kinds == {str} or kinds == {int}:
        encoded.sort()
    else:
        encoded.sort(key=_json)
    return encoded


def from_tagged(d: dict[str, Any]) -> Any:
    """json's object_hook: rebuild a tagged value (children are already rebuilt)."""
    if len(d) != 1:
        return d
    ((tag, p),) = d.items()
    if tag[:1] != "#":
        return d
    build = _TAGS.get(tag)
    if build is None:
        raise CodecError(f"stored value is corrupt: unknown tag {tag!r}")
    return build(p)


def _need(p: Any, kind: type) -> Any:
    if type(p) is not kind:
        raise CodecError(f"stored value is corrupt: expected {kind.__name__} payload")
    return p


def _need_pairs(p: Any) -> list[tuple[Any, Any]]:
    if not all(type(x) is list and len(x) == 2 for x in _need(p, list)):
        raise CodecError("stored value is corrupt: bad key/value pairs")
    return [(k, v) for k, v in p]


def _float(p: Any) -> float:
    if p not in ("nan", "inf", "-inf"):
        raise CodecError(f"stored value is corrupt: bad float {p!r}")
    return float(p)


def _bytes(p: Any) -> bytes:
    try:
        return base64.b64decode(_need(p, str), validate=True)
    except binascii.Error as e:
        raise CodecError(f"stored value is corrupt: bad bytes ({e})") from None


def _defaultdict(p: Any) -> defaultdict[Any, Any]:
    if type(p) is not list or len(p) != 2:
        raise CodecError("stored value is corrupt: bad defaultdict")
    name, pairs = p
    if name is not None and name not in _FACTORIES:
        raise CodecError(f"stored value is corrupt: unknown factory {name!r}")
    return defaultdict(None if name is None else _FACTORIES[name], _need_pairs(pairs))


_TAGS: dict[str, Any] = {
    "#i": lambda p: int(_need(p, str), 16),
    "#f": _float,
    "#b": _bytes,
    "#t": lambda p: tuple(_need(p, list)),
    "#s": lambda p: set(_need(p, list)),
    "#fs": lambda p: frozenset(_need(p, list)),
    "#d": lambda p: dict(_need_pairs(p)),
    "#dd": _defaultdict,
    "#C": lambda p: Counter(dict(_need_pairs(p))),
    "#od": lambda p: OrderedDict(_need_pairs(p)),
}
