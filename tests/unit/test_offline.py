"""What a build writes for the service worker (lite/offline.py) and what it reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lite import offline, site
from lite.cli import main

APP = """
import gradio as gr
gr.Interface(lambda s: s, "text", "text", title="Echo", description="Says it back").launch()
"""


@pytest.fixture
def built(tmp_path: Path, fake_static: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(site, "STATIC_DIR", fake_static)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text(APP)
    (tmp_path / "src" / "big.bin").write_bytes(b"\0" * site.LAZY_SIZE)
    assert main(["build", str(tmp_path / "src" / "app.py"), "-o", str(tmp_path / "site")]) == 0
    return tmp_path / "site"


def build_of(out: Path) -> dict:
    first = (out / offline.SW).read_text().split("\n", 1)[0]
    assert first.startswith("self.LITE_BUILD = ") and first.endswith(";")
    return json.loads(first.removeprefix("self.LITE_BUILD = ").removesuffix(";"))


def test_service_worker_lists_exactly_this_build(built: Path) -> None:
    build = build_of(built)
    on_disk = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    # Everything but itself and source maps: precached, or (the big file) cached on use.
    assert set(build["files"]) | set(build["lazy"]) == on_disk - {"sw.js"}
    assert build["lazy"] == ["app/big.bin"]
    assert {"index.html", "app.json", "manifest.webmanifest", "app/app.py"} <= set(build["files"])


def test_build_hash_follows_the_files(built: Path, fake_static: Path) -> None:
    before = build_of(built)["version"]
    assert offline.write_service_worker(built, fake_static)["version"] == before  # same files
    (built / "app" / "app.py").write_text(APP + "# changed\n")
    assert offline.write_service_worker(built, fake_static)["version"] != before


def test_page_opts_in_and_is_installable(built: Path) -> None:
    page = (built / "index.html").read_text()
    assert '<gradio-lite manifest="app.json" offline>' in page
    assert '<link rel="manifest" href="manifest.webmanifest">' in page
    manifest = json.loads((built / "manifest.webmanifest").read_text())
    assert manifest["name"] == "Echo" and manifest["description"] == "Says it back"
    assert manifest["start_url"] == "./" and manifest["theme_color"] == offline.THEME_COLOR
    assert (built / "icon.svg").read_text().startswith("<svg")


def test_build_prints_site_size_and_first_visit(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = built.parent / "src" / "app.py"
    assert main(["build", str(app), "-o", str(built)]) == 0
    out = capsys.readouterr().out
    assert "Site: " in out and "A first visit downloads" in out
    assert "of big files when used" in out
