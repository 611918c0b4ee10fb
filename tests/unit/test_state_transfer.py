"""Export, import and reset of shared data: checked whole, written at once, for every tab."""

from __future__ import annotations

import json

import pytest
from test_state_transaction import COUNTER, Tab, started, stored

from lite.state.store import MemoryStore
from lite.state.transfer import ImportRefused, export_data, import_data, names, reset


async def test_export_holds_the_app_identity_version_and_tagged_values() -> None:
    store = MemoryStore()
    a = await started(store, __main__=COUNTER)
    await a.run("add", (1, 2))
    document = json.loads(await export_data(a.state))
    assert document["format"] == "lite-shared-data"
    assert (document["app"], document["version"]) == ("app.py", "ns")
    assert document["values"]["__main__:n"] == 1
    assert document["values"]["__main__:items"] == [{"#t": [1, 2]}]  # a tuple stays a tuple
    assert {n["name"] for n in names(a.state)} == {"n", "items", "label"}


async def test_import_writes_once_and_every_tab_sees_it() -> None:
    store = MemoryStore()
    a, b = await started(store, __main__=COUNTER), await started(store, __main__=COUNTER)
    await a.run("add", "x")
    exported = await export_data(a.state)
    await a.run("add", "y")
    version = store.versions["ns"]
    assert await import_data(b.state, exported) == []
    assert store.versions["ns"] == version + 1  # one transaction
    assert stored(store)["__main__:items"] == ["x"]
    assert b.items == ["x"]
    assert a.changes[-1] == (version + 1, ["__main__:items", "__main__:label", "__main__:n"])
    assert all(v <= version for v, _ in b.changes)  # not told of its own import
    assert await a.run("add", "z") == 2  # a loads the import before its next event
    assert a.items == ["x", "z"]


async def test_import_from_another_version_warns_and_skips_unknown_names() -> None:
    store = MemoryStore()
    a = await started(store, __main__=COUNTER)
    document = json.loads(await export_data(a.state))
    document["version"] = "app:older"
    document["values"]["__main__:gone"] = 5
    document["values"]["__main__:n"] = 7
    other = Tab(store, "ns2", __main__=COUNTER)
    warnings = await import_data(other.state, json.dumps(document))
    assert len(warnings) == 2 and "another version" in warnings[0] and "'gone'" in warnings[1]
    assert other.n == 7


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(app="other.py"), "another app"),
        (lambda d: d["values"].update({"__main__:n": {"#no-such-tag": 1}}), "corrupt"),
        (lambda d: d["values"].update({"__main__:items": {"#t": {"x": 1}}}), "corrupt"),
        (lambda d: d.pop("values"), "corrupt"),
        (lambda d: d.update(format="zip"), "not a shared-data file"),
        (lambda d: d.update(format_version=99), "format version"),
    ],
)
async def test_a_bad_file_is_refused_and_changes_nothing(change, message) -> None:
    store = MemoryStore()
    a = await started(store, __main__=COUNTER)
    await a.run("add", "kept")
    document = json.loads(await export_data(a.state))
    document["values"]["__main__:items"] = ["lost"]
    change(document)
    version = store.versions["ns"]
    with pytest.raises(ImportRefused, match=message):
        await import_data(a.state, json.dumps(document))
    assert store.versions["ns"] == version and a.items == ["kept"]


@pytest.mark.parametrize("text", ["", "not json", "[1]", '{"format": "lite-shared-data"}', "NaN"])
async def test_garbage_is_refused(text: str) -> None:
    a = await started(MemoryStore(), __main__=COUNTER)
    with pytest.raises(ImportRefused):
        await import_data(a.state, text)


async def test_over_quota_an_import_changes_nothing() -> None:
    store = MemoryStore(quota=400)
    a = await started(store, __main__=COUNTER)
    await a.run("add", "x")
    document = json.loads(await export_data(a.state))
    document["values"]["__main__:items"] = ["y" * 500]
    with pytest.raises(ImportRefused, match="storage .* is full"):
        await import_data(a.state, json.dumps(document))
    assert a.items == ["x"] and stored(store)["__main__:items"] == ["x"]


async def test_reset_brings_every_tab_back_to_the_initial_values() -> None:
    store = MemoryStore()
    a, b = await started(store, __main__=COUNTER), await started(store, __main__=COUNTER)
    for i in range(3):
        await a.run("add", i)
    await a.run("rename", "renamed")
    await reset(b.state)
    assert stored(store) == {"__main__:n": 0, "__main__:items": [], "__main__:label": "start"}
    assert (b.n, b.items, b.label) == (0, [], "start")
    assert await a.run("add", "again") == 1
