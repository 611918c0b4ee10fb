"""Identity: which apps share data. Two apps built from one folder never do."""

from __future__ import annotations

import json
from pathlib import Path

from lite.runtime import Runtime
from lite.site import write_app
from lite.state.namespace import namespace_for
from lite.state.store import MemoryStore

APP = """
import gradio as gr

scores = []

def add(score):
    scores.append(score)
    return str(scores)

gr.Interface(add, "number", "text").launch()
"""


def two_apps(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.py").write_text(APP)
    (folder / "b.py").write_text(APP)  # the very same code, and the same folder


async def boot(
    app_dir: Path, entry: str, store: MemoryStore, manifest: dict[str, object]
) -> Runtime:
    runtime = Runtime(app_dir, entry)
    runtime.load()
    namespace = manifest.get("state_namespace")
    await runtime.share_globals(
        store, app_id=f"/{entry}", namespace=namespace if isinstance(namespace, str) else None
    )
    return runtime


async def add(runtime: Runtime, score: float) -> str:
    result = await runtime.event(1, [score])
    assert result["ok"], result
    return str(result["data"][0])


async def test_two_apps_built_from_one_folder_each_see_only_their_own_data(tmp_path: Path) -> None:
    two_apps(tmp_path / "src")
    a = write_app(tmp_path / "src" / "a.py", tmp_path / "site" / "a")
    b = write_app(tmp_path / "src" / "b.py", tmp_path / "site" / "b")
    # Same code, same folder: only the entry tells the two apps apart.
    assert a["state_namespace"] != b["state_namespace"]
    on_disk = json.loads((tmp_path / "site" / "a" / "app.json").read_text())
    assert on_disk["state_namespace"] == a["state_namespace"]

    store = MemoryStore()
    app_a = await boot(tmp_path / "site" / "a" / "app", "a.py", store, a)
    assert await add(app_a, 1) == "[1]"
    app_b = await boot(tmp_path / "site" / "b" / "app", "b.py", store, b)
    assert await add(app_b, 2) == "[2]"
    again_a = await boot(tmp_path / "site" / "a" / "app", "a.py", store, a)  # a reload of a
    assert await add(again_a, 3) == "[1, 3]"


async def test_the_build_and_the_boot_agree_and_nothing_is_read_at_boot(tmp_path: Path) -> None:
    two_apps(tmp_path / "src")
    manifest = write_app(tmp_path / "src" / "a.py", tmp_path / "site")
    store = MemoryStore()
    runtime = await boot(tmp_path / "site" / "app", "a.py", store, manifest)
    assert runtime.shared is not None
    assert runtime.shared.namespace == manifest["state_namespace"]


async def test_inline_apps_are_told_apart_by_page_and_entry(tmp_path: Path) -> None:
    files = {"app.py": APP.encode()}
    one = namespace_for(files, entry="app.py", page="/docs/a.html#0")
    assert one == namespace_for(dict(files), entry="app.py", page="/docs/a.html#0")
    assert one != namespace_for(files, entry="app.py", page="/docs/b.html#0")
    assert one != namespace_for(files, entry="app.py", page="/docs/a.html#1")
    assert one != namespace_for(
        {"app.py": APP.encode() + b"\n"}, entry="app.py", page="/docs/a.html#0"
    )
    # No build: the runtime hashes the files the page wrote, and the page.
    (tmp_path / "app.py").write_text(APP)
    store = MemoryStore()
    runtime = Runtime(tmp_path, "app.py")
    runtime.load()
    shared = await runtime.share_globals(store, app_id="/docs/a.html#0")
    assert shared.namespace == one


async def test_a_state_key_wins_over_the_hash(tmp_path: Path) -> None:
    two_apps(tmp_path / "src")
    manifest = write_app(tmp_path / "src" / "a.py", tmp_path / "site", state_key="scores")
    runtime = Runtime(tmp_path / "site" / "app", "a.py")
    runtime.load()
    shared = await runtime.share_globals(
        MemoryStore(), app_id="/a", state_key="scores", namespace=str(manifest["state_namespace"])
    )
    assert shared.namespace == "key:scores"
