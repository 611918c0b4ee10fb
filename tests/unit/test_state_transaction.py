"""Global state across tabs: several GlobalStates over one MemoryStore stand in for tabs.

Each tab runs the app's source into its own module objects, as each browser tab has its
own Python.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from apps import make_app

from lite.state import transaction
from lite.state.codec import decode, encode
from lite.state.delta import apply
from lite.state.namespace import namespace_for
from lite.state.store import Deltas, Entries, MemoryStore, VersionConflictError
from lite.state.transaction import GlobalState, GlobalStateError

# The score tracker of Gradio's "Interface State" guide, minus the UI lines.
SCORES = """
scores = []

def track_score(score):
    scores.append(score)
    top_scores = sorted(scores, reverse=True)
    return top_scores
"""

COUNTER = """
import asyncio

n = 0
items = []
label = "start"

async def add(x):
    global n
    seen = n
    await asyncio.sleep(0)  # let every other tab's event try to interleave here
    n = seen + 1
    items.append(x)
    return n

def rename(text):
    global label
    label = text

def fail_after_changes(x):
    global n
    n = 999
    items.append(x)
    raise ValueError("boom")

def pure(x):
    return x * 2
"""


class Tab:
    """One tab: its own modules, its GlobalState, and what it logged."""

    def __init__(
        self, store: Any, namespace: str = "ns", *, max_bytes: int = 2000, **sources: str
    ) -> None:
        self.logs: list[tuple[str, str]] = []
        self.changes: list[tuple[int, list[str]]] = []
        self.modules = make_app(**(sources or {"__main__": SCORES}))
        self.main = self.modules[-1]
        self.state = GlobalState(
            store,
            namespace,
            self.modules,
            app_id="app.py",
            log=lambda level, message: self.logs.append((level, message)),
            on_change=lambda version, keys: self.changes.append((version, keys)),
            max_bytes=max_bytes,
        )

    async def run(self, fn_name: str, *args: Any) -> Any:
        return await self.state.run(getattr(self.main, fn_name), *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.main, name)


async def started(store: Any, *, max_bytes: int = 2000, **sources: str) -> Tab:
    tab = Tab(store, max_bytes=max_bytes, **sources)
    await tab.state.start()
    return tab


class CountingStore(MemoryStore):
    """Counts every store operation, to prove which events touch the store."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.calls: list[str] = []

    def lock(self, namespace: str) -> AbstractAsyncContextManager[bool]:
        self.calls.append("lock")
        return super().lock(namespace)

    async def read_since(self, namespace: str, version: int) -> tuple[int, Entries, Deltas]:
        self.calls.append("read_since")
        return await super().read_since(namespace, version)

    async def commit(
        self,
        namespace: str,
        values: Mapping[str, str],
        base_version: int,
        deltas: Mapping[str, str] | None = None,
    ) -> int:
        self.calls.append("commit")
        return await super().commit(namespace, values, base_version, deltas)


def stored(store: MemoryStore, namespace: str = "ns") -> dict[str, Any]:
    """The store's values: each whole value with its deltas replayed."""
    values = {}
    for key, (text, _) in store.entries.get(namespace, {}).items():
        values[key] = decode(text)
        for _, ops in store.deltas.get(namespace, {}).get(key, []):
            apply(values[key], decode(ops))
    return values


async def test_the_guides_score_tracker_across_two_tabs() -> None:
    store = MemoryStore()
    a, b = await started(store), await started(store)
    assert await a.run("track_score", 5) == [5]
    assert await b.run("track_score", 7) == [7, 5]
    assert await a.run("track_score", 6) == [7, 6, 5]
    # A new tab (or a reload) starts from the stored scores.
    c = await started(store)
    assert c.scores == [5, 7, 6]
    assert stored(store) == {"__main__:scores": [5, 7, 6]}


async def test_rebinding_and_in_place_changes_are_both_committed() -> None:
    store = MemoryStore()
    a, b = await started(store, __main__=COUNTER), await started(store, __main__=COUNTER)
    await a.run("add", "x")
    await a.run("rename", "renamed")
    assert stored(store) == {"__main__:n": 1, "__main__:items": ["x"], "__main__:label": "renamed"}
    await b.run("add", "y")
    assert (b.n, b.items, b.label) == (2, ["x", "y"], "renamed")


async def test_concurrent_events_from_four_tabs_lose_nothing() -> None:
    store = MemoryStore()
    tabs = [await started(store, __main__=COUNTER) for _ in range(4)]
    events = [tab.run("add", f"{i}-{j}") for i, tab in enumerate(tabs) for j in range(25)]
    results = await asyncio.gather(*events)
    assert sorted(results) == list(range(1, 101))  # one serial order
    final = stored(store)
    assert final["__main__:n"] == 100
    assert sorted(final["__main__:items"]) == sorted(
        f"{i}-{j}" for i in range(4) for j in range(25)
    )
    assert store.versions["ns"] == 100


async def test_an_exception_writes_nothing_and_rolls_the_tab_back() -> None:
    store = MemoryStore()
    a = await started(store, __main__=COUNTER)
    await a.run("add", "kept")
    items = a.items
    with pytest.raises(ValueError, match="boom"):
        await a.run("fail_after_changes", "lost")
    assert (a.n, a.items) == (1, ["kept"])
    assert a.items is items  # restored in place: other references see it too
    assert stored(store) == {"__main__:n": 1, "__main__:items": ["kept"]}
    assert store.versions["ns"] == 1


async def test_a_tab_closed_mid_event_writes_nothing_and_frees_the_lock() -> None:
    store = MemoryStore()
    a, b = await started(store, __main__=COUNTER), await started(store, __main__=COUNTER)
    task = asyncio.create_task(a.run("add", "never"))
    await asyncio.sleep(0)  # a holds the lock, inside add()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await asyncio.wait_for(b.run("add", "b"), timeout=1) == 1
    assert stored(store)["__main__:items"] == ["b"]
    assert (a.n, a.items) == (0, [])


async def test_loading_is_lazy_and_unshared_events_skip_the_store() -> None:
    store = CountingStore()
    a, b = await started(store, __main__=COUNTER), await started(store, __main__=COUNTER)
    store.calls.clear()
    assert await b.run("pure", 21) == 42
    assert store.calls == []  # no lock, no read, no commit
    for i in range(3):
        await a.run("add", i)
    assert store.calls == ["lock", "read_since", "commit"] * 3
    assert b.state.stale and b.n == 0  # told, but nothing loaded yet
    assert b.changes == [(v, ["__main__:items", "__main__:n"]) for v in (1, 2, 3)]
    assert a.changes == []  # a tab is not told of its own commits
    store.calls.clear()
    await b.run("add", 3)
    assert store.calls == ["lock", "read_since", "commit"]
    assert (b.n, b.items, b.state.stale) == (4, [0, 1, 2, 3], False)


async def test_loading_updates_containers_in_place() -> None:
    util = "scores = []\n"
    main = "from util import scores\ndef add(x):\n    scores.append(x)\n"
    store = MemoryStore()
    a, b = (
        await started(store, util=util, __main__=main),
        await started(store, util=util, __main__=main),
    )
    await a.run("add", 1)
    util_b = b.modules[0]
    await b.run("add", 2)
    assert util_b.scores is b.scores == [1, 2]
    assert list(stored(store)) == ["util:scores"]  # one entry for both names


async def test_a_corrupt_entry_is_reported_kept_aside_and_the_rest_loads() -> None:
    store = MemoryStore()
    await store.commit("ns", {"__main__:n": "41", "__main__:items": '{"#t": 5'}, 0)
    a = await started(store, __main__=COUNTER)
    assert (a.n, a.items) == (41, [])
    [(level, message)] = a.logs
    assert level == "error"
    assert message.startswith("Shared value 'items' could not be read (stored value is corrupt")
    assert "kept aside" in message
    assert store.quarantined["ns"][0][:2] == ("__main__:items", '{"#t": 5')
    assert "__main__:items" not in store.entries["ns"]
    assert await a.run("add", "x") == 42  # and the app goes on
    assert stored(store) == {"__main__:n": 42, "__main__:items": ["x"]}


async def test_a_corrupt_entry_met_during_an_event_falls_back_to_the_initial_value() -> None:
    store = MemoryStore()
    a = await started(store, __main__=COUNTER)
    await a.run("add", "x")
    await store.commit("ns", {"__main__:items": "not json"}, store.versions["ns"])
    await a.run("add", "y")
    assert a.items == ["y"]
    assert [level for level, _ in a.logs] == ["error"]
    assert stored(store)["__main__:items"] == ["y"]


async def test_over_quota_the_event_is_undone_with_a_clear_error() -> None:
    store = MemoryStore(quota=200)
    a = await started(store, __main__=COUNTER)
    await a.run("add", "small")
    with pytest.raises(GlobalStateError, match="storage quota exceeded"):
        await a.run("add", "x" * 300)
    assert (a.n, a.items) == (1, ["small"])
    assert stored(store) == {"__main__:n": 1, "__main__:items": ["small"]}
    assert await a.run("add", "fits") == 2  # still consistent with the store


async def test_a_value_too_big_to_share_stays_per_tab_and_the_rest_is_shared() -> None:
    store = MemoryStore()
    a, b = await started(store, __main__=COUNTER), await started(store, __main__=COUNTER)
    await a.run("add", "x" * 3000)  # over the tabs' max_bytes of 2000
    await a.run("add", "more")
    assert [level for level, _ in a.logs] == ["warning"]
    assert "global 'items' is too big to share between tabs" in a.logs[0][1]
    assert stored(store) == {"__main__:n": 2}
    await b.run("add", "b")
    assert (b.n, b.items) == (3, ["b"])


async def test_a_value_too_big_from_the_start_is_said_once() -> None:
    source = "words = ['word'] * 1000\ndef f():\n    return len(words)\n"
    a = await started(MemoryStore(), __main__=source)
    assert await a.run("f") == 1000
    assert a.logs == [("warning", a.logs[0][1])]
    assert a.logs[0][1].startswith("global 'words' is too big to share between tabs")


async def test_a_global_rebound_to_an_object_stays_per_tab_with_a_warning() -> None:
    source = "class Model:\n    pass\nx = 1\ndef f():\n    global x\n    x = Model()\n"
    a = await started(MemoryStore(), __main__=source)
    await a.run("f")
    await a.run("f")
    assert [level for level, _ in a.logs] == ["warning"]
    assert a.logs[0][1].startswith("x: cannot share object of type Model")


async def test_a_name_forced_shared_that_cannot_be_fails_its_first_event() -> None:
    source = """
    from lite.state.candidates import shared
    shared("model")
    class Model:
        pass
    model = Model()
    def use():
        return model
    """
    a = await started(MemoryStore(), __main__=source)
    with pytest.raises(GlobalStateError, match=r"shared\('model'\) failed: model: cannot share"):
        await a.run("use")
    assert await a.run("use") is a.model  # then it is per tab


async def test_touching_a_per_tab_global_is_said_once() -> None:
    source = "import threading\nlock = threading.Lock()\nn = 0\n"
    source += "def f():\n    global n\n    with lock:\n        n += 1\n"
    a = await started(MemoryStore(), __main__=source)
    await a.run("f")
    await a.run("f")
    assert a.logs == [
        ("info", "global 'lock' is per tab: each tab has its own copy (only plain data such "
                 "as numbers, strings, lists and dicts is shared between tabs)"),
    ]  # fmt: skip


async def test_different_namespaces_never_share() -> None:
    store = MemoryStore()
    one = Tab(store, namespace_for({"app.py": SCORES.encode()}))
    other_source = SCORES + "# changed\n"
    two = Tab(store, namespace_for({"app.py": other_source.encode()}), __main__=other_source)
    await one.run("track_score", 1)
    assert await two.run("track_score", 2) == [2]


def test_namespaces() -> None:
    files = {"app.py": b"x = 1\n", "util.py": b"y = 2\n"}
    assert namespace_for(files, None) == namespace_for(dict(reversed(files.items())), None)
    assert namespace_for(files, None).startswith("app:")
    assert namespace_for(files, None) != namespace_for({**files, "util.py": b"y = 3\n"}, None)
    assert namespace_for({"a": b"bc"}, None) != namespace_for({"ab": b"c"}, None)
    assert namespace_for(files, "scores") == "key:scores"
    with pytest.raises(ValueError):
        namespace_for(files, "")


async def test_register_keeps_the_newest_three_namespaces_of_an_app() -> None:
    store = MemoryStore()
    for version in range(1, 5):
        await store.commit(f"v{version}", {"k": "1"}, 0)
        await store.register(f"v{version}", "app.py")
    await store.commit("key:kept", {"k": "1"}, 0)
    await store.register("key:kept", "other.py")
    await store.register("v1", "other.py")  # v1 is gone already; kept registered for other
    assert store.apps["app.py"] == ["v4", "v3", "v2"]
    assert sorted(store.entries) == ["key:kept", "v2", "v3", "v4"]
    await store.register("v5", "app.py")
    assert sorted(store.entries) == ["key:kept", "v3", "v4"]  # v2 dropped; v5 has no data yet


async def test_start_registers_the_namespace() -> None:
    store = MemoryStore()
    for ns in ["a", "b", "c", "d"]:
        await Tab(store, ns).state.start()
    assert store.apps == {"app.py": ["d", "c", "b"]}


async def test_a_commit_not_based_on_the_current_version_is_refused() -> None:
    store = MemoryStore()
    await store.commit("ns", {"k": encode(1)}, 0)
    with pytest.raises(VersionConflictError, match="did not hold the lock"):
        await store.commit("ns", {"k": encode(2)}, 0)
    assert stored(store) == {"k": 1}


async def test_concurrent_first_events_start_the_tab_once() -> None:
    store = CountingStore()
    a = Tab(store, __main__=COUNTER)
    await asyncio.gather(a.run("add", 1), a.run("add", 2))
    assert store.calls.count("read_since") == 3  # one at start, one per event
    assert (a.n, sorted(a.items)) == (2, [1, 2])


async def test_a_tab_whose_namespace_was_cleaned_up_carries_on() -> None:
    store = MemoryStore()
    a = await started(store, __main__=COUNTER)
    await a.run("add", "x")
    for newer in ["v2", "v3", "v4"]:  # newer versions of the app, in other tabs
        await store.register(newer, "app.py")
    assert "ns" not in store.entries
    assert await a.run("add", "y") == 2
    assert stored(store) == {"__main__:n": 2, "__main__:items": ["x", "y"]}
    assert a.logs == [("info", "shared data was cleared by another tab; reloading it")]


BIG = """
big = list(range(200))  # under the test tabs' 2000-byte sharing limit
counter = 0
flag = [1]

def touch(mode):
    global counter
    if mode == "count":
        counter += 1
    elif mode == "flag":
        flag[0] = True  # equal to 1 under ==, but a different value to share
    return len(big)
"""


async def test_unchanged_big_values_are_not_encoded(monkeypatch: pytest.MonkeyPatch) -> None:
    store = MemoryStore()
    tab = await started(store, __main__=BIG)
    encoded: list[int] = []
    real_encode = transaction.encode

    def counting_encode(value: Any, path: str = "value") -> str:
        encoded.append(len(value) if isinstance(value, list) else 1)
        return real_encode(value, path)

    monkeypatch.setattr(transaction, "encode", counting_encode)
    await tab.run("touch", "count")
    assert encoded == [1]  # the counter only: the 200 items were seen to be unchanged
    assert stored(store)["__main__:counter"] == 1
    await tab.run("touch", "flag")
    assert stored(store)["__main__:flag"] == [True]  # a type-only change is still a change
