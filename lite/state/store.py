"""Where shared values live between tabs: the Store protocol and its in-memory version.

The browser implements the same protocol over IndexedDB (values), Web Locks (the
cross-tab lock) and BroadcastChannel (change notices) in lite/_browser.py. Everything
crossing it is JSON-friendly: namespaces, keys and values are strings, versions ints.

Each namespace has a version, bumped by every commit, and each entry remembers the
version that last wrote it, so a tab that is behind reads only what changed. An entry is
a whole value; deltas are operations on top of it (lite/state/delta.py), each stamped
with the version that wrote it. Writing a whole value drops the name's deltas.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

__all__ = [
    "ChangeCallback",
    "Deltas",
    "Entries",
    "MemoryStore",
    "Store",
    "StoreError",
    "StoreFullError",
    "VersionConflictError",
]

# (version, keys) of a commit made by some tab.
ChangeCallback = Callable[[int, list[str]], None]
Entries = dict[str, str]  # key -> whole value's text
Deltas = dict[str, list[str]]  # key -> operations' texts, oldest first


class StoreError(Exception):
    """The shared store failed; nothing of the failed operation was applied."""


class StoreFullError(StoreError):
    """The storage quota would be exceeded (IndexedDB's QuotaExceededError)."""


class VersionConflictError(StoreError):
    """A commit was based on an old version: the caller did not hold the lock."""


class Store(Protocol):
    def lock(self, namespace: str) -> AbstractAsyncContextManager[bool]:
        """The cross-tab lock of `namespace`; held for a whole transaction.

        It gives True when this tab has held the lock without a break since it last
        entered it, so no other tab can have committed in between (the browser keeps
        the lock of an idle tab until another asks for it); False when unsure."""
        ...

    async def read_since(self, namespace: str, version: int) -> tuple[int, Entries, Deltas]:
        """(current version, entries written after `version`, deltas written after it,
        oldest first); everything for 0."""
        ...

    async def commit(
        self,
        namespace: str,
        values: Mapping[str, str],
        base_version: int,
        deltas: Mapping[str, str] | None = None,
    ) -> int:
        """Write whole `values` and append `deltas`, bumping the version, in one atomic
        step; return the new version.

        Raises VersionConflictError if the version is no longer `base_version` and
        StoreFullError over quota; either way nothing is written.
        """
        ...

    async def quarantine(self, namespace: str, key: str, text: str, reason: str) -> None:
        """Move an entry that failed to decode aside (with its deltas), if it still holds `text`."""
        ...

    async def broadcast(self, namespace: str, version: int, keys: list[str]) -> None:
        """Tell the other tabs that `version` changed `keys`."""
        ...

    def subscribe(self, namespace: str, callback: ChangeCallback) -> Callable[[], None]:
        """Call `callback` on broadcasts for `namespace`; returns an unsubscribe."""
        ...

    async def register(self, namespace: str, app_id: str, keep: int = 3) -> None:
        """Note that `app_id` now uses `namespace`; drop its namespaces past the newest `keep`."""
        ...


class MemoryStore:
    """The Store for host Python: several GlobalStates sharing one stand in for tabs.

    `quota` (total characters of keys and values) simulates IndexedDB's quota error.
    """

    def __init__(self, quota: int | None = None) -> None:
        self.quota = quota
        self.versions: dict[str, int] = {}
        # namespace -> key -> (text, version that wrote it)
        self.entries: dict[str, dict[str, tuple[str, int]]] = {}
        # namespace -> key -> [(version, text)], oldest first
        self.deltas: dict[str, dict[str, list[tuple[int, str]]]] = {}
        # namespace -> [(key, text, reason)], for inspection
        self.quarantined: dict[str, list[tuple[str, str, str]]] = {}
        # app_id -> namespaces, newest first
        self.apps: dict[str, list[str]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._subscribers: dict[str, list[ChangeCallback]] = {}

    @asynccontextmanager
    async def lock(self, namespace: str) -> AsyncIterator[bool]:
        async with self._locks.setdefault(namespace, asyncio.Lock()):
            yield False

    async def read_since(self, namespace: str, version: int) -> tuple[int, Entries, Deltas]:
        entries = self.entries.get(namespace, {})
        changed = {k: text for k, (text, v) in entries.items() if v > version}
        deltas = {
            key: texts
            for key, ops in self.deltas.get(namespace, {}).items()
            if (texts := [text for v, text in ops if v > version])
        }
        return self.versions.get(namespace, 0), changed, deltas

    async def commit(
        self,
        namespace: str,
        values: Mapping[str, str],
        base_version: int,
        deltas: Mapping[str, str] | None = None,
    ) -> int:
        current = self.versions.get(namespace, 0)
        if base_version != current:
            raise VersionConflictError(
                f"commit to {namespace!r} based on version {base_version}, but the store is at "
                f"{current}: the transaction did not hold the lock"
            )
        new_version = current + 1
        # Build the new state aside and swap it in, so a failure leaves the old one.
        entries = dict(self.entries.get(namespace, {}))
        ops = {k: list(v) for k, v in self.deltas.get(namespace, {}).items()}
        for key, text in values.items():
            entries[key] = (text, new_version)
            ops.pop(key, None)
        for key, text in (deltas or {}).items():
            ops.setdefault(key, []).append((new_version, text))
        if self.quota is not None:
            others = sum(
                _size(self.entries.get(ns, {}), self.deltas.get(ns, {}))
                for ns in self.entries.keys() | self.deltas.keys()
                if ns != namespace
            )
            if others + _size(entries, ops) > self.quota:
                raise StoreFullError(f"storage quota of {self.quota} characters exceeded")
        self.entries[namespace] = entries
        self.deltas[namespace] = ops
        self.versions[namespace] = new_version
        return new_version

    async def quarantine(self, namespace: str, key: str, text: str, reason: str) -> None:
        self.quarantined.setdefault(namespace, []).append((key, text, reason))
        entries = self.entries.get(namespace, {})
        # Another tab may have replaced the bad entry meanwhile; keep its new value.
        if key in entries and entries[key][0] == text:
            del entries[key]
            self.deltas.get(namespace, {}).pop(key, None)

    async def broadcast(self, namespace: str, version: int, keys: list[str]) -> None:
        for callback in list(self._subscribers.get(namespace, [])):
            callback(version, list(keys))

    def subscribe(self, namespace: str, callback: ChangeCallback) -> Callable[[], None]:
        callbacks = self._subscribers.setdefault(namespace, [])
        callbacks.append(callback)
        return lambda: callbacks.remove(callback)

    async def register(self, namespace: str, app_id: str, keep: int = 3) -> None:
        used = [namespace] + [ns for ns in self.apps.get(app_id, []) if ns != namespace]
        self.apps[app_id] = used[:keep]
        still_used = {ns for namespaces in self.apps.values() for ns in namespaces}
        for old in used[keep:]:
            if old not in still_used:  # another app may share it through an explicit key
                self.entries.pop(old, None)
                self.deltas.pop(old, None)
                self.versions.pop(old, None)
                self.quarantined.pop(old, None)


def _size(
    entries: Mapping[str, tuple[str, int]], deltas: Mapping[str, list[tuple[int, str]]]
) -> int:
    whole = sum(len(k) + len(text) for k, (text, _) in entries.items())
    return whole + sum(len(k) + len(text) for k, ops in deltas.items() for _, text in ops)
