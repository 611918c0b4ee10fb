"""Global state: the app's module-level data, shared by every tab as if one process ran them.

Each event that reaches shared names runs as one transaction under the app's cross-tab
lock: load what other tabs changed, run, commit what changed in one atomic write,
announce it. Events are then applied in one serial order with none lost, like a single
server process. Events that reach nothing shared skip all of it.

What is committed follows the change, not the value: an in-place change of a list, dict
or set is stored as a few operations (delta.py) on top of the last whole value, and the
whole value is written again (compacted) once those operations outgrow it.
"""

from __future__ import annotations

import asyncio
import inspect
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from .candidates import Candidates, find_candidates, label, too_big_message
from .codec import CodecError, decode, encode
from .delta import DeltaError, Op, Tracker, apply
from .fingerprint import fingerprint, immutable
from .reach import Reacher
from .store import ChangeCallback, Store, StoreFullError

__all__ = ["MAX_SHARED_BYTES", "GlobalState", "GlobalStateError", "LogCallback"]

MAX_SHARED_BYTES = 200_000_000
"""A value whose encoding is longer stays per tab. Events store what changed, so size
costs little per event; past this, loading it in a new tab would take seconds."""

MAX_DELTAS = 500
"""Stored operations per name before the whole value is written again, so a tab that
opens late replays at most this many."""

# (level, message); level is "info", "warning" or "error" (an error is for the page).
LogCallback = Callable[[str, str], None]

_MISSING: Any = object()


@dataclass
class Stored:
    """What the store holds for one name: a whole value and operations on top of it."""

    base: int  # characters of the whole value's text
    count: int  # len() of the value when it was written whole (to notice shrinking)
    ops: int = 0  # characters of the operations since
    deltas: int = 0  # how many


class GlobalStateError(Exception):
    """Shared data could not be used; the event's changes were undone."""


class GlobalState:
    """One tab's view of the shared module-level data of one app."""

    def __init__(
        self,
        store: Store,
        namespace: str,
        modules: Sequence[ModuleType],
        *,
        app_id: str,
        log: LogCallback | None = None,
        on_change: ChangeCallback | None = None,
        keep: int = 3,
        max_bytes: int = MAX_SHARED_BYTES,
    ) -> None:
        self.namespace = namespace
        self.app_id = app_id
        self._store = store
        self._modules = list(modules)
        self._log = log or (lambda level, message: None)
        self._on_change = on_change
        self._keep = keep
        self._max_bytes = max_bytes
        self._version = 0
        self._latest_notice = 0  # the newest version other tabs announced
        self._started = False
        self._starting = asyncio.Lock()
        self._candidates = Candidates()
        self._reacher = Reacher(self._modules, self._candidates)
        self._frozen: dict[str, object] = {}  # key -> its value, when deeply immutable
        self._trackers: dict[str, Tracker] = {}  # key -> its list, dict or set as committed
        self._prints: dict[str, bytes | None] = {}  # key -> fingerprint of any other value
        self._stored: dict[str, Stored] = {}  # key -> what the store holds (none: initial)
        self._current = False  # the last transaction ended cleanly (see _refresh)
        self._noticed: set[str] = set()

    @property
    def version(self) -> int:
        """The store version this tab's module values correspond to."""
        return self._version

    @property
    def stale(self) -> bool:
        """Another tab committed since this one loaded (loading waits for the next event)."""
        return self._latest_notice > self._version

    @property
    def keys(self) -> list[str]:
        """The shared names' store keys ("module:name")."""
        return sorted(self._candidates.initial.keys() & self._candidates.slots.keys())

    def initial(self) -> dict[str, str]:
        """Each shared name's initial value (what the app's code gives it), encoded."""
        return {key: self._candidates.initial[key] for key in self.keys}

    def sizes(self) -> dict[str, int]:
        """Characters each shared name takes in the store (its initial value if unwritten)."""
        return {
            key: (
                s.base + s.ops
                if (s := self._stored.get(key))
                else len(self._candidates.initial[key])
            )
            for key in self.keys
        }

    async def start(self) -> None:
        """Find the shared names and load their stored values over the modules' own.

        Called by the first run() if not before; safe to call more than once.
        """
        if self._started:
            return
        async with self._starting:  # concurrent first events must not start twice
            if not self._started:
                await self._start()
                self._started = True

    async def _start(self) -> None:
        self._candidates = find_candidates(self._modules, self._max_bytes)
        self._reacher = Reacher(self._modules, self._candidates)
        for name, message in self._candidates.warnings.items():
            self._log("warning", message)
            self._noticed.add(name)  # said already; no "is per tab" notice on top
        for key in self._candidates.initial:
            self._remember(key)
        await self._store.register(self.namespace, self.app_id, self._keep)
        self._store.subscribe(self.namespace, self.notify)
        version, entries, deltas = await self._store.read_since(self.namespace, 0)
        await self._load(entries, deltas)
        self._version = version

    def notify(self, version: int, keys: list[str]) -> None:
        """Another tab committed `version`; values load lazily, before the next event."""
        if version > self._version:
            self._latest_notice = max(self._latest_notice, version)
            if self._on_change is not None:
                self._on_change(version, keys)

    async def run(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        """Call `fn` (sync or async) as one transaction over the shared names it reaches."""
        await self.start()
        reach = self._reacher.reach(fn)
        self._notice(reach.per_tab)
        keys = sorted(k for k in reach.keys if k in self._candidates.slots)
        for key in keys:
            problem = self._candidates.problems.pop(key, None)
            if problem is not None:  # said once, then the name is per tab
                del self._candidates.slots[key]
                raise GlobalStateError(f"{problem}; it stays per tab")
        if not keys:
            return await _call(fn, args, kwargs)
        async with self._store.lock(self.namespace) as kept:
            await self._refresh(kept)
            try:
                result = await _call(fn, args, kwargs)
                await self._commit(*self._changes(keys))
            except StoreFullError as e:
                await self._rollback(keys)
                raise GlobalStateError(
                    "Shared data could not be saved: storage quota exceeded. The event's "
                    "changes to shared values were undone; free some browser storage for "
                    "this site, or keep less module-level data."
                ) from e
            except BaseException:
                # Including cancellation (a tab closing): nothing was written, so the
                # tab goes back to the last committed values and stays consistent.
                await self._rollback(keys)
                raise
            self._current = True
        return result

    async def transact(self, values: Mapping[str, str]) -> None:
        """Under the lock, write whole values (encoded) and take them on in this tab.

        For importing and resetting: one atomic write, announced to the other tabs."""
        await self.start()
        async with self._store.lock(self.namespace) as kept:
            await self._refresh(kept)
            decoded = {key: decode(text) for key, text in values.items()}  # all before any
            for key, value in decoded.items():
                self._assign(key, value)
            try:
                await self._commit(dict(values), {}, {})
            except BaseException:
                await self._reload(sorted(values))
                raise
            self._current = True

    async def current(self) -> dict[str, str]:
        """Every shared value as this moment's encoding, read under the lock."""
        await self.start()
        async with self._store.lock(self.namespace) as kept:
            await self._refresh(kept)
            self._current = True
            return {key: encode(self._value(key), label(key)) for key in self.keys}

    async def _commit(
        self,
        values: dict[str, str],
        deltas: dict[str, str],
        ops: dict[str, tuple[list[Op], bytes | None]],
    ) -> None:
        if not values and not deltas:
            return
        self._version = await self._store.commit(self.namespace, values, self._version, deltas)
        for key, text in values.items():
            self._remember(key)
            value = self._value(key)
            self._stored[key] = Stored(len(text), _count(value))
        for key, text in deltas.items():
            applied, now = ops[key]
            self._trackers[key].advance(applied, now)
            stored = self._stored[key]
            stored.ops += len(text)
            stored.deltas += 1
        await self._announce(sorted(values.keys() | deltas.keys()))

    async def _refresh(self, kept: bool) -> None:
        """Under the lock: load what other tabs committed since this tab's version.

        A notice from the last holder may still be on its way, so `stale` alone can't
        prove this tab is current; the store is asked, unless this tab has held the lock
        since its last transaction ended cleanly (`kept`): then nobody else can have
        committed, and reading is skipped. Only a clean end sets _current again."""
        current, self._current = self._current, False
        if kept and current:
            return
        version, entries, deltas = await self._store.read_since(self.namespace, self._version)
        if version < self._version:  # the namespace was cleared; take what is there
            self._log("info", "shared data was cleared by another tab; reloading it")
            version, entries, deltas = await self._store.read_since(self.namespace, 0)
        await self._load(entries, deltas)
        self._version = version

    async def _load(self, entries: Mapping[str, str], deltas: Mapping[str, list[str]]) -> None:
        """Take on what the store says changed: whole values, or operations to replay."""
        failed = []
        for key in sorted(entries.keys() | deltas.keys()):
            if key not in self._candidates.initial or key not in self._candidates.slots:
                continue  # not shared by this code (or per tab now)
            try:
                self._load_key(key, entries.get(key), deltas.get(key, []))
            except (CodecError, DeltaError):
                failed.append(key)
        if failed:  # replaying failed (or the base is bad): rebuild those from the start
            await self._reload(failed)

    def _load_key(self, key: str, text: str | None, ops_texts: list[str]) -> None:
        if text is not None:
            value = decode(text)
            for ops_text in ops_texts:
                apply(value, decode(ops_text))
            self._assign(key, value)
            self._remember(key)
            self._stored[key] = Stored(
                len(text), _count(value), sum(map(len, ops_texts)), len(ops_texts)
            )
            return
        value = self._value(key)
        tracker = self._trackers.get(key)
        stored = self._stored.get(key)
        if tracker is None or tracker.value is not value or stored is None:
            raise DeltaError("the tab's value is not the one the stored changes apply to")
        for i, ops_text in enumerate(ops_texts):
            ops = decode(ops_text)
            apply(value, ops)
            tracker.advance(ops, last=i == len(ops_texts) - 1)
            stored.ops += len(ops_text)
            stored.deltas += 1

    async def _reload(self, keys: list[str]) -> None:
        """Rebuild `keys` from the store's whole value and operations, or the initial value."""
        _, entries, deltas = await self._store.read_since(self.namespace, 0)
        for key in keys:
            text = entries.get(key)
            if text is not None:
                try:
                    self._load_key(key, text, deltas.get(key, []))
                    continue
                except (CodecError, DeltaError) as e:
                    self._log(
                        "error",
                        f"Shared value {label(key)!r} could not be read ({e}). The app goes "
                        "on with its initial value; the stored entry was kept aside for "
                        "inspection.",
                    )
                    await self._store.quarantine(self.namespace, key, text, str(e))
            # Never written (or unreadable): the initial value is the committed one.
            self._assign(key, decode(self._candidates.initial[key]))
            self._remember(key)
            self._stored.pop(key, None)

    def _changes(
        self, keys: list[str]
    ) -> tuple[dict[str, str], dict[str, str], dict[str, tuple[list[Op], bytes | None]]]:
        """(whole values, operations, the operations decoded) for what `keys` changed."""
        values: dict[str, str] = {}
        deltas: dict[str, str] = {}
        ops_of: dict[str, tuple[list[Op], bytes | None]] = {}
        for key in keys:
            if key not in self._candidates.initial:
                continue
            value = self._value(key)
            if value is _MISSING or self._frozen.get(key, _MISSING) is value:
                continue  # deleted (nothing to share), or immutable and not rebound
            tracker = self._trackers.get(key)
            if tracker is not None and tracker.value is value:
                ops = tracker.diff(value)
                if ops == []:
                    continue
                stored = self._stored.get(key)
                # The first write of a name is whole: initial values may differ by tab.
                if ops is not None and stored is not None:
                    try:
                        text = encode(ops, label(key))
                    except CodecError as e:
                        self._make_per_tab(key, f"{e}; it stays per tab from now on")
                        continue
                    if not _compact(stored, len(text), _count(value)):
                        deltas[key] = text
                        ops_of[key] = (ops, tracker.latest_print)
                        continue
            elif self._unchanged(key, value):
                continue
            try:
                text = encode(value, label(key))
            except CodecError as e:
                self._make_per_tab(key, f"{e}; it stays per tab from now on")
                continue
            if len(text) > self._max_bytes:
                self._make_per_tab(key, too_big_message(key, len(text), self._max_bytes))
                continue
            values[key] = text
        return values, deltas, ops_of

    async def _rollback(self, keys: list[str]) -> None:
        changed = []
        for key in keys:
            if key not in self._candidates.initial:
                continue
            value = self._value(key)
            if value is not _MISSING and self._frozen.get(key, _MISSING) is value:
                continue
            tracker = self._trackers.get(key)
            if tracker is not None and tracker.value is value:
                if tracker.diff(value) == []:
                    continue  # untouched: keep the very same inner objects
            elif self._unchanged(key, value):
                continue
            changed.append(key)
        if changed:
            await self._reload(changed)

    def _value(self, key: str) -> Any:
        module, name = self._candidates.slots[key]
        return vars(module).get(name, _MISSING)

    def _assign(self, key: str, value: Any) -> None:
        # Update containers in place so other references (`from util import scores`,
        # a closure) keep seeing the shared value; rebind anything else.
        module, name = self._candidates.slots[key]
        namespace = vars(module)
        current = namespace.get(name, _MISSING)
        kind = type(value)
        if type(current) is not kind:
            namespace[name] = value
        elif kind is list:
            current[:] = value
        elif kind in (set, dict, OrderedDict) or (
            kind is defaultdict and current.default_factory is value.default_factory
        ):
            current.clear()
            current.update(value)
        elif kind is Counter:
            current.clear()
            dict.update(current, value)  # Counter.update would add counts
        else:
            namespace[name] = value

    def _remember(self, key: str) -> None:
        # What the committed value looks like, so the next event finds what it changed
        # cheaply: a deeply immutable value only changes by rebinding (an identity
        # check); a list, dict or set is tracked; anything else is fingerprinted.
        value = self._value(key)
        self._frozen.pop(key, None)
        self._trackers.pop(key, None)
        self._prints.pop(key, None)
        if value is not _MISSING and immutable(value):
            self._frozen[key] = value
        elif Tracker.fits(value):
            self._trackers[key] = Tracker(value)
        else:
            self._prints[key] = fingerprint(value)

    def _unchanged(self, key: str, value: object) -> bool:
        """Cheaply, is `value` still exactly the committed one? False means "encode it"."""
        committed = self._prints.get(key)
        return committed is not None and fingerprint(value) == committed

    def _make_per_tab(self, key: str, message: str) -> None:
        self._log("warning", message)
        self._frozen.pop(key, None)
        self._trackers.pop(key, None)
        self._prints.pop(key, None)
        self._stored.pop(key, None)
        self._candidates.slots.pop(key, None)
        self._noticed.add(key)

    def _notice(self, names: frozenset[str]) -> None:
        for full in sorted(names - self._noticed):
            self._noticed.add(full)
            self._log(
                "info",
                f"global {label(full)!r} is per tab: each tab has its own copy (only plain "
                "data such as numbers, strings, lists and dicts is shared between tabs)",
            )

    async def _announce(self, keys: list[str]) -> None:
        try:
            await self._store.broadcast(self.namespace, self._version, keys)
        except Exception as e:  # committed already; other tabs still catch up lazily
            self._log("warning", f"could not notify other tabs of shared data changes: {e}")


async def _call(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    result = fn(*args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result


def _count(value: object) -> int:
    return len(value) if isinstance(value, list | dict | set) else 0


def _compact(stored: Stored, ops: int, count: int) -> bool:
    """Write the whole value instead: the stored operations would outgrow it, or it
    shrank to under half of what was last written whole."""
    return stored.ops + ops > stored.base or stored.deltas >= MAX_DELTAS or count * 2 < stored.count
