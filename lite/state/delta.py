"""What changed in a shared list, dict or set since its last commit, as a few operations.

An event that appends to a 100,000-item list should store one item, not the list. Apps
keep plain `list`/`dict`/`set` values (`type(x) is list` must hold), so nothing records
their mutations; instead a Tracker remembers each container as it was committed:

- a pickle fingerprint of the whole value (C speed): equal bytes prove "unchanged";
- a shallow copy: the children's identities, to find which part was replaced;
- the positions (or keys) of mutable children, with their own fingerprints, because a
  child changed in place keeps its identity.

From these it derives operations that turn the committed value into the current one,
or gives up (None) and the whole value is written, as it is for rebinding. Deeply
immutable children (numbers, strings, tuples of them) are the same iff identical.

Operations are plain tuples, stored with the codec (tagged JSON), and applied in order:
("splice", start, stop, items) and ("item", index, value) on lists; ("set", key, value)
and ("del", key) on dicts; ("add", items) and ("discard", items) on sets.
"""

from __future__ import annotations

import operator
import pickle
from itertools import compress, filterfalse, islice, repeat
from typing import Any

from .fingerprint import fingerprint, immutable

__all__ = ["DeltaError", "Op", "Tracker", "apply"]

Op = tuple[Any, ...]

# Past this many mutable children changed in ways other than appending, checking each
# child costs about what encoding the whole value does: write it whole instead.
MAX_WATCHED = 1000

_MISSING: Any = object()


class DeltaError(ValueError):
    """Stored operations that don't fit the value they are applied to."""


class Tracker:
    """One shared list, dict or set as last committed (or loaded)."""

    def __init__(self, value: Any) -> None:
        self.value = value
        self.kind = type(value)
        self.print = fingerprint(value)
        self.latest_print: bytes | None = None  # the fingerprint diff() took last
        self.shallow: Any = self.kind(value)
        # position or key of each mutable child -> its fingerprint
        self.watched: dict[Any, bytes | None] = {}
        children = value.items() if self.kind is dict else enumerate(value)
        if self.kind is not set:
            for where, child in children:
                if not immutable(child):
                    self.watched[where] = fingerprint(child)

    @staticmethod
    def fits(value: object) -> bool:
        return type(value) in (list, dict, set)

    def unchanged(self, value: object) -> bool:
        return value is self.value and self.print is not None and fingerprint(value) == self.print

    def diff(self, value: Any) -> list[Op] | None:
        """Operations turning the committed value into `value`; [] if equal, None if unknown."""
        if value is not self.value or self.print is None:
            return None
        now = self.latest_print = fingerprint(value)
        if now == self.print:
            return []
        if self.kind is list:
            return self._diff_list(value, now)
        if self.kind is dict:
            return self._diff_dict(value)
        return self._diff_set(value)

    def advance(self, ops: list[Op], now: bytes | None = None, *, last: bool = True) -> None:
        """The value now holds the committed value with `ops` applied: remember it.

        `now` is its fingerprint if the caller has it already; `last` False defers the
        whole-value work while more operations follow."""
        value = self.value
        if self.kind is list:
            for op in ops:
                if op[0] == "splice":
                    _, start, stop, items = op
                    shift = len(items) - (stop - start)
                    if self.watched and max(self.watched) >= start:
                        self.watched = {
                            (i if i < start else i + shift): fp
                            for i, fp in self.watched.items()
                            if i < start or i >= stop
                        }
                    for i in range(start, start + len(items)):
                        self._watch(i, value[i])
                else:
                    self._watch(op[1], value[op[1]])
        elif self.kind is dict:
            for op in ops:
                self.watched.pop(op[1], None)
                if op[0] == "set":
                    self._watch(op[1], value[op[1]])
        if not last:
            return
        # Children the ops didn't touch are unchanged (diff() proved it), so only the
        # new ones need a fingerprint.
        for where, fp in self.watched.items():
            if fp is None:
                self.watched[where] = fingerprint(value[where])
        self.print = now if now is not None else fingerprint(value)
        self.shallow = self.kind(value)

    def _watch(self, where: Any, child: Any) -> None:
        if immutable(child):
            self.watched.pop(where, None)
        else:
            self.watched[where] = None  # its print is taken at the end of advance()

    def _diff_list(self, value: list[Any], now: bytes | None) -> list[Op] | None:
        old = self.shallow
        n_old, n_new = len(old), len(value)
        # The common case, appending: the old part pickles exactly as before.
        if n_new > n_old and pickle_equal(value[:n_old], self.print):
            return [("splice", n_old, n_old, value[n_old:])]
        if len(self.watched) > MAX_WATCHED:
            return None
        common = min(n_old, n_new)
        start = _first_difference(value, old, common)
        end = _first_difference(reversed(value), reversed(old), common - start)
        stop, new_stop = n_old - end, n_new - end
        ops: list[Op] = []
        if stop > start or new_stop > start:
            ops.append(("splice", start, stop, value[start:new_stop]))
        shift = new_stop - stop
        for i, fp in self.watched.items():
            if start <= i < stop:
                continue  # replaced: inside the splice already
            j = i if i < start else i + shift
            if fingerprint(value[j]) != fp or fp is None:
                ops.append(("item", j, value[j]))
        return ops if ops else None  # changed, yet nothing found: write it whole

    def _diff_dict(self, value: dict[Any, Any]) -> list[Op] | None:
        old = self.shallow
        if len(self.watched) > MAX_WATCHED:
            return None
        deleted = list(filterfalse(value.__contains__, old))
        # Keys whose value object is new, in the dict's own order; all at C speed.
        replaced = compress(
            value, map(operator.is_not, value.values(), map(old.get, value, repeat(_MISSING)))
        )
        ops: list[Op] = [("del", key) for key in deleted]
        ops += [("set", key, value[key]) for key in replaced]
        for key, fp in self.watched.items():
            if (
                key in value
                and value[key] is old[key]
                and (fp is None or fingerprint(value[key]) != fp)
            ):
                ops.append(("set", key, value[key]))
        # Replaying must give the same keys (the very objects: 1 and True are equal)
        # in the same order; deleting and re-adding a key moves it, for instance.
        expected = dict(old)
        apply(expected, ops)
        if len(expected) != len(value) or not all(map(operator.is_, expected, value)):
            return None
        return ops or None

    def _diff_set(self, value: set[Any]) -> list[Op] | None:
        by_item = {item: item for item in self.shallow}
        # An equal item of another type (1 for True) counts as a replacement.
        swapped = list(compress(value, map(operator.is_not, value, map(by_item.get, value))))
        removed = list(self.shallow - value) + [
            by_item[item] for item in swapped if item in by_item
        ]
        ops: list[Op] = []
        if removed:
            ops.append(("discard", removed))
        if swapped:
            ops.append(("add", swapped))
        return ops or None


def pickle_equal(value: object, expected: bytes | None) -> bool:
    try:
        return (
            expected is not None
            and pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL) == expected
        )
    except (RecursionError, pickle.PicklingError, TypeError, AttributeError):
        return False


def _first_difference(a: Any, b: Any, limit: int) -> int:
    """How many leading items of a and b are the very same objects (at most `limit`)."""
    try:
        return operator.indexOf(map(operator.is_, islice(a, limit), b), False)
    except ValueError:
        return limit


def apply(value: Any, ops: Any) -> None:
    """Apply stored operations to `value` in place; DeltaError if they don't fit it.

    `ops` comes from the store, decoded by the codec (so it is plain data), and is
    checked here shape by shape: nothing in it is ever called."""
    if not isinstance(ops, list):
        raise DeltaError("operations must be a list")
    for op in ops:
        if not isinstance(op, tuple) or not op or not isinstance(op[0], str):
            raise DeltaError(f"not an operation: {op!r:.80}")
        kind = type(value)
        name = op[0]
        if kind is list and name == "splice" and len(op) == 4:
            _, start, stop, items = op
            if not (_index(start) and _index(stop) and start <= stop <= len(value)):
                raise DeltaError(f"splice {start!r}:{stop!r} is outside a list of {len(value)}")
            if type(items) is not list:
                raise DeltaError("splice items must be a list")
            value[start:stop] = items
        elif kind is list and name == "item" and len(op) == 3:
            if not (_index(op[1]) and op[1] < len(value)):
                raise DeltaError(f"item {op[1]!r} is outside a list of {len(value)}")
            value[op[1]] = op[2]
        elif kind is dict and name == "set" and len(op) == 3:
            value[op[1]] = op[2]
        elif kind is dict and name == "del" and len(op) == 2:
            if op[1] not in value:
                raise DeltaError(f"key {op[1]!r:.80} is not in the dict")
            del value[op[1]]
        elif kind is set and name in ("add", "discard") and len(op) == 2 and type(op[1]) is list:
            if name == "add":
                value.update(op[1])
            else:
                value.difference_update(op[1])
        else:
            raise DeltaError(f"operation {name!r:.40} does not apply to a {kind.__name__}")


def _index(n: object) -> bool:
    return type(n) is int and n >= 0
