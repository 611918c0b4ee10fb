"""Property: any mix of events from three tabs ends as one Python process would end.

Three tabs (GlobalStates with their own modules) run random events at once against one
MemoryStore whose every call yields to the event loop, so transactions interleave as
much as the lock allows, and whose lock says "kept" to its last holder as the browser's
does (so a tab skips reading what it knows); some tabs reload in between.
Each successful event returns its place in the lock's order; replaying the events in
that order in one namespace (state_ops.model) must give the same values, type for type,
in every tab and in the store.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from state_ops import APP, model, random_ops
from test_state_transaction import Tab, stored

from lite.state.store import Deltas, Entries, MemoryStore


class YieldingStore(MemoryStore):
    """Every store call lets other tabs run first, as IndexedDB's callbacks would."""

    async def read_since(self, namespace: str, version: int) -> tuple[int, Entries, Deltas]:
        await asyncio.sleep(0)
        return await super().read_since(namespace, version)

    async def commit(
        self,
        namespace: str,
        values: Mapping[str, str],
        base_version: int,
        deltas: Mapping[str, str] | None = None,
    ) -> int:
        await asyncio.sleep(0)
        return await super().commit(namespace, values, base_version, deltas)


class TabView:
    """One tab's handle on the shared store, keeping the lock like the browser's does:
    the lock says "kept" when this view was its last holder (store.ts keeps an idle
    tab's lock until another tab asks)."""

    def __init__(self, store: YieldingStore) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    @asynccontextmanager
    async def lock(self, namespace: str) -> AsyncIterator[bool]:
        async with self._store.lock(namespace):
            kept = getattr(self._store, "last_holder", None) is self
            self._store.last_holder = self  # type: ignore[attr-defined]
            yield kept


async def play(seed: random.Random, events: int, reload_chance: float) -> None:
    store = YieldingStore()

    def new_tab() -> Tab:
        return Tab(TabView(store), max_bytes=10**6, __main__=APP)

    tabs = [new_tab() for _ in range(3)]
    placed: dict[int, str] = {}  # place in the lock's order -> the event

    async def run_tab(index: int, ops: list[str], rng: random.Random) -> None:
        for op in ops:
            if rng.random() < reload_chance:
                tabs[index] = new_tab()  # a reload
            try:
                count, _ = json.loads(await tabs[index].run("step", op))
            except ValueError as e:
                assert json.loads(op)[0] == "fail", (op, e)  # only "fail" may fail
                continue
            assert count not in placed
            placed[count] = op

    dealt = random_ops(seed, 3, events)
    await asyncio.gather(*(run_tab(i, ops, random.Random(i)) for i, ops in enumerate(dealt)))
    ordered = [placed[i] for i in sorted(placed)]
    assert sorted(placed) == list(range(1, len(placed) + 1))  # none lost, none twice
    expected = model(ordered)
    for tab in tabs:
        _, snapshot = json.loads(await tab.run("step", json.dumps(["read"])))
        assert snapshot == expected
    values = stored(store)
    assert values.get("__main__:count", 0) == len(ordered)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.randoms(use_true_random=False),
    events=st.integers(1, 40),
    reloads=st.sampled_from([0.0, 0.1]),
)
def test_three_tabs_end_like_one_process(seed: random.Random, events: int, reloads: float) -> None:
    asyncio.run(play(seed, events, reloads))


def test_a_long_run_compacts_and_still_matches() -> None:
    asyncio.run(play(random.Random(7), 600, 0.02))
