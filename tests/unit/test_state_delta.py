"""Deltas: what an in-place change of a shared list, dict or set stores, and replaying it."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any

import pytest
from test_state_transaction import Tab, started, stored

from lite.state.codec import decode, encode
from lite.state.delta import DeltaError, Tracker, apply
from lite.state.store import MemoryStore


def replayed(before: Any, change: Callable[[Any], object]) -> tuple[Any, list[Any] | None, Any]:
    """Change `before` in place, diff it, replay the stored ops on a fresh copy of it."""
    before = deepcopy(before)  # CASES are shared by the tests
    copy = decode(encode(before))
    tracker = Tracker(before)
    change(before)
    ops = tracker.diff(before)
    if ops is not None:
        apply(copy, decode(encode(ops)))  # through the codec, as the store holds them
        tracker.advance(ops, tracker.latest_print)
        assert tracker.diff(before) == []
    return copy, ops, before


CASES: list[tuple[str, Any, Callable[[Any], object]]] = [
    ("append", list(range(100)), lambda v: v.append(100)),
    ("extend", list(range(100)), lambda v: v.extend([1.5, "x", (1, 2)])),
    ("pop", list(range(100)), lambda v: v.pop()),
    ("pop(0)", list(range(100)), lambda v: v.pop(0)),
    ("setitem", list(range(100)), lambda v: v.__setitem__(50, "fifty")),
    ("insert", list(range(100)), lambda v: v.insert(3, None)),
    ("remove", list(range(100)), lambda v: v.remove(42)),
    ("del slice", list(range(100)), lambda v: v.__delitem__(slice(10, 20))),
    ("type only", [1, 2, 3], lambda v: v.__setitem__(0, True)),
    ("nested", [[1], [2], [3], 4], lambda v: v[1].append(5)),
    ("nested dict", [{"a": 1}, {"b": 2}], lambda v: v[0].update(a=2)),
    ("append to dicts", [{"a": i} for i in range(50)], lambda v: v.append({"a": 50})),
    ("dict set", {str(i): i for i in range(100)}, lambda v: v.__setitem__("new", [1])),
    ("dict replace", {str(i): i for i in range(100)}, lambda v: v.__setitem__("5", 5.0)),
    ("dict delete", {str(i): i for i in range(100)}, lambda v: v.pop("7")),
    ("dict nested", {"a": [1], "b": [2]}, lambda v: v["b"].append(3)),
    ("dict move", {"a": 1, "b": 2}, lambda v: v.__setitem__("a", v.pop("a"))),
    ("set add", set(range(100)), lambda v: v.add(1000)),
    ("set discard", set(range(100)), lambda v: v.discard(50)),
    ("set type swap", {1, 2}, lambda v: (v.discard(1), v.add(True))),
]


@pytest.mark.parametrize(("before", "change"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_replaying_the_ops_gives_the_same_value(
    before: Any, change: Callable[[Any], object]
) -> None:
    copy, ops, after = replayed(before, change)
    if ops is None:  # only where the whole value must be written
        return
    assert encode(copy) == encode(after)  # type-strict: 1 and True differ
    assert type(copy) is type(after)


def test_ops_are_small_for_small_changes() -> None:
    for name, before, change in CASES:
        if name in ("dict move", "nested dict"):
            continue
        _, ops, _ = replayed(before, change)
        assert ops, name
        assert len(encode(ops)) < 60, (name, ops)


def test_a_moved_key_writes_the_whole_dict() -> None:
    _, ops, _ = replayed({"a": 1, "b": 2}, lambda v: v.__setitem__("a", v.pop("a")))
    assert ops is None  # replaying a set would keep "a" first


def test_an_unchanged_value_has_no_ops() -> None:
    value = [1, [2], {"x": 3}]
    tracker = Tracker(value)
    assert tracker.diff(value) == []
    assert tracker.diff([1, [2], {"x": 3}]) is None  # another object: rebound


@pytest.mark.parametrize(
    ("value", "ops"),
    [
        ([1, 2], "not a list"),
        ([1, 2], [("splice", 0, 5, [])]),
        ([1, 2], [("splice", -1, 1, [])]),
        ([1, 2], [("splice", 0, 1, (1,))]),
        ([1, 2], [("item", 2, 0)]),
        ([1, 2], [("set", "k", 1)]),
        ({"a": 1}, [("del", "b")]),
        ({1}, [("add", 1)]),
        ({1}, [("__import__", "os")]),
        ({1}, ["add"]),
    ],
)
def test_ops_that_do_not_fit_are_refused(value: Any, ops: Any) -> None:
    with pytest.raises(DeltaError):
        apply(value, ops)


def deltas(store: MemoryStore, key: str) -> list[Any]:
    return [decode(text) for _, text in store.deltas.get("ns", {}).get(key, [])]


APP = """
items = list(range(20))
table = {str(i): i for i in range(20)}
tags = set("abcdefghij")

def change(what, arg=None):
    global items
    if what == "append":
        items.append(arg)
    elif what == "rebind":
        items = list(arg)
    elif what == "set":
        table[arg] = arg
    elif what == "tag":
        tags.add(arg)
    elif what == "clear":
        items.clear()
"""


async def test_in_place_changes_store_deltas_and_rebinding_stores_the_value() -> None:
    store = MemoryStore()
    a = await started(store, __main__=APP)
    b = await started(store, __main__=APP)
    await a.run("change", "append", 3)  # the first write of a name is whole
    assert store.entries["ns"]["__main__:items"][0] == encode([*range(20), 3])
    await a.run("change", "append", 4)
    assert deltas(store, "__main__:items") == [[("splice", 21, 21, [4])]]
    await a.run("change", "set", "b")
    await a.run("change", "set", "c")
    assert deltas(store, "__main__:table") == [[("set", "c", "c")]]
    await a.run("change", "tag", "y")
    await a.run("change", "tag", "z")
    assert deltas(store, "__main__:tags") == [[("add", ["z"])]]
    await b.run("change", "append", 5)  # b replays what a stored, then adds its own
    assert b.items == [*range(20), 3, 4, 5]
    assert b.table == {**{str(i): i for i in range(20)}, "b": "b", "c": "c"}
    assert b.tags == set("abcdefghijyz")
    await a.run("change", "rebind", [9])
    assert store.entries["ns"]["__main__:items"][0] == encode([9])
    assert deltas(store, "__main__:items") == []  # a whole value drops the older deltas
    await b.run("change", "append", 10)
    assert b.items == [9, 10] and stored(store)["__main__:items"] == [9, 10]


async def test_the_stored_form_stays_within_a_small_multiple_of_the_value() -> None:
    store = MemoryStore()
    a = await started(store, max_bytes=10**6, __main__=APP)
    for i in range(2000):
        await a.run("change", "append", i)
        whole = len(encode(a.items))
        held = len(store.entries["ns"]["__main__:items"][0])
        held += sum(len(t) for _, t in store.deltas["ns"].get("__main__:items", []))
        assert held <= 2 * whole + 100
    await a.run("change", "clear")  # shrinking to nothing writes the (empty) value whole
    assert store.entries["ns"]["__main__:items"][0] == "[]"


async def test_a_tab_far_behind_reloads_and_one_just_behind_replays() -> None:
    store = MemoryStore()
    big = "items = list(range(300))\n" + APP.split("\n", 2)[2]
    a, b = await started(store, __main__=big), await started(store, __main__=big)
    await a.run("change", "append", -1)  # whole
    await b.run("change", "append", -2)
    version = b.state.version
    await a.run("change", "append", -3)
    _, entries, ops = await store.read_since("ns", version)
    assert entries == {} and ops == {"__main__:items": [encode([("splice", 302, 302, [-3])])]}
    await b.run("change", "append", -4)
    assert b.items[-3:] == [-2, -3, -4]


async def test_a_delta_that_does_not_apply_reloads_the_value() -> None:
    store = MemoryStore()
    a, b = Tab(store, __main__=APP), Tab(store, __main__=APP)
    await a.run("change", "append", 3)
    await a.run("change", "append", 4)
    await b.state.start()
    # A bad operation written by some other tab: b rebuilds from the store, and what
    # can't be replayed is kept aside while the app goes on from its initial value.
    await store.commit(
        "ns", {}, store.versions["ns"], {"__main__:items": encode([("item", 99, 0)])}
    )
    await b.run("change", "append", 5)
    assert b.items == [*range(20), 5]
    assert [level for level, _ in b.logs] == ["error"]
    assert store.quarantined["ns"][0][0] == "__main__:items"
