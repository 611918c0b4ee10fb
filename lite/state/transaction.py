"""Global state: the app's module-level data, shared by every tab as if one process ran them.

Each event that reaches shared names runs as one transaction under the app's cross-tab
lock: load what other tabs changed, run, commit what changed in one atomic write,
announce it. Events are then applied in one serial order with none lost, like a single
server process. Events that reach nothing shared skip all of it.
"""

from __future__ import annotations

import asyncio
import inspect
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Any

from .candidates import Candidates, find_candidates, label, too_big_message
from .codec import CodecError, decode, encode
from .fingerprint import fingerprint, immutable
from .reach import Reacher
from .store import ChangeCallback, Store, StoreFullError

__all__ = ["MAX_SHARED_BYTES", "GlobalState", "GlobalStateError", "LogCallback"]

MAX_SHARED_BYTES = 1_000_000
"""A value whose encoding is longer stays per tab: IndexedDB holds more, but every event
that reaches a value encodes it, so a bigger one would slow every such event down."""

# (level, message); level is "info", "warning" or "error" (an error is for the page).
LogCallback = Callable[[str, str], None]

_MISSING: Any = object()


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
        self._store = store
        self._modules = list(modules)
        self._app_id = app_id
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
        self._committed: dict[str, str] = {}  # key -> encoding of the last committed value
        self._frozen: dict[str, object] = {}  # key -> its value, when deeply immutable
        self._prints: dict[str, bytes | None] = {}  # key -> fingerprint of the committed value
        self._noticed: set[str] = set()
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def version(self) -> int:
        """The store version this tab's module values correspond to."""
        return self._version

    @property
    def stale(self) -> bool:
        """Another tab committed since this one loaded (loading waits for the next event)."""
        return self._latest_notice > self._version

    @property
    def shared_keys(self) -> list[str]:
        return sorted(self._committed)

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
        self._committed = dict(self._candidates.initial)
        for key in self._committed:
            self._remember(key)
        await self._store.register(self.namespace, self._app_id, self._keep)
        self._unsubscribe = self._store.subscribe(self.namespace, self.notify)
        version, entries = await self._store.read_since(self.namespace, 0)
        await self._load(entries)
        self._version = version

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

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
        async with self._store.lock(self.namespace):
            await self._refresh()
            try:
                result = await _call(fn, args, kwargs)
                changes = self._changes(keys)
                if changes:
                    base = self._version
                    self._version = await self._store.commit(self.namespace, changes, base)
            except StoreFullError as e:
                self._rollback(keys)
                raise GlobalStateError(
                    "Shared data could not be saved: storage quota exceeded. The event's "
                    "changes to shared values were undone; free some browser storage for "
                    "this site, or keep less module-level data."
                ) from e
            except BaseException:
                # Including cancellation (a tab closing): nothing was written, so the
                # tab goes back to the last committed values and stays consistent.
                self._rollback(keys)
                raise
            for key, text in changes.items():
                self._committed[key] = text
                self._remember(key)
            if changes:
                await self._announce(sorted(changes))
        return result

    async def _refresh(self) -> None:
        # Always asked under the lock: a notice from the last holder may still be on
        # its way, so `stale` alone can't prove this tab is current.
        version, entries = await self._store.read_since(self.namespace, self._version)
        if version < self._version:  # the namespace was cleared; take what is there
            self._log("info", "shared data was cleared by another tab; reloading it")
            version, entries = await self._store.read_since(self.namespace, 0)
        await self._load(entries)
        self._version = version

    async def _load(self, entries: Mapping[str, str]) -> None:
        for key in sorted(entries):
            if key not in self._committed:  # not shared by this code (or per tab now)
                continue
            text = entries[key]
            try:
                value = decode(text)
            except CodecError as e:
                self._log(
                    "error",
                    f"Shared value {label(key)!r} could not be read ({e}). The app goes on "
                    "with its initial value; the stored entry was kept aside for inspection.",
                )
                await self._store.quarantine(self.namespace, key, text, str(e))
                text = self._candidates.initial[key]
                value = decode(text)
            self._assign(key, value)
            self._committed[key] = text
            self._remember(key)

    def _changes(self, keys: list[str]) -> dict[str, str]:
        changes = {}
        for key in keys:
            if key not in self._committed:
                continue
            module, name = self._candidates.slots[key]
            value = vars(module).get(name, _MISSING)
            if value is _MISSING or self._frozen.get(key, _MISSING) is value:
                continue  # deleted (nothing to share), or immutable and not rebound
            if self._unchanged(key, value):
                continue
            try:
                text = encode(value, label(key))
            except CodecError as e:
                self._make_per_tab(key, f"{e}; it stays per tab from now on")
                continue
            if len(text) > self._max_bytes:
                self._make_per_tab(key, too_big_message(key, len(text), self._max_bytes))
                continue
            # Comparing with the last committed text (not a snapshot taken before the
            # call) catches rebinding and in-place changes alike with one encoding.
            if text != self._committed[key]:
                changes[key] = text
        return changes

    def _rollback(self, keys: list[str]) -> None:
        for key in keys:
            if key not in self._committed:
                continue
            module, name = self._candidates.slots[key]
            value = vars(module).get(name, _MISSING)
            if value is not _MISSING and self._frozen.get(key, _MISSING) is value:
                continue
            if self._unchanged(key, value):
                continue  # untouched: keep the very same inner objects
            try:
                if encode(value) == self._committed[key]:
                    continue  # untouched: keep the very same inner objects
            except CodecError:
                pass
            self._assign(key, decode(self._committed[key]))
            self._remember(key)

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
        # A deeply immutable value can only change by rebinding: an identity check
        # then replaces encoding it after every event.
        module, name = self._candidates.slots[key]
        value = vars(module).get(name, _MISSING)
        if value is not _MISSING and immutable(value):
            self._frozen[key] = value
        else:
            self._frozen.pop(key, None)
        self._prints[key] = fingerprint(value)

    def _unchanged(self, key: str, value: object) -> bool:
        """Cheaply, is `value` still exactly the committed one? False means "encode it"."""
        committed = self._prints.get(key)
        return committed is not None and fingerprint(value) == committed

    def _make_per_tab(self, key: str, message: str) -> None:
        self._log("warning", message)
        self._committed.pop(key, None)
        self._frozen.pop(key, None)
        self._prints.pop(key, None)
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
