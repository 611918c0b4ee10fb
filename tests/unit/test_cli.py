"""`lite build` and `lite gallery` from the command line: errors, layout, lock and wheel."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lite import site
from lite.cli import main
from lite.wheel import version, wheel_name

APP = (
    '"""Says hello."""\nimport gradio as gr\nimport util\n\n'
    'demo = gr.Interface(str.upper, "text", "text")\n'
)


@pytest.fixture
def app(tmp_path: Path) -> Path:
    folder = tmp_path / "hello"
    folder.mkdir()
    (folder / "app.py").write_text(APP)
    (folder / "util.py").write_text("X = 1\n")
    return folder / "app.py"


@pytest.fixture(autouse=True)
def static(fake_static: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(site, "STATIC_DIR", fake_static)
    return fake_static


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("lite: error: ")
    return err.strip()


def test_missing_app(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "nope.py"), "-o", str(tmp_path / "site")]) == 1
    assert one_error_line(capsys).endswith("nope.py: no such file")
    assert not (tmp_path / "site").exists()


def test_folder_is_not_an_app(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "site")]) == 1
    assert one_error_line(capsys).endswith(": not a file")


def test_syntax_error_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "app.py"
    bad.write_text("import gradio as gr\n\ndef f(:\n    pass\n")
    assert main(["build", str(bad), "-o", str(tmp_path / "site")]) == 1
    assert f"{bad}: invalid syntax at line 3: " in one_error_line(capsys)


def test_console_script_prints_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "app.py"
    bad.write_text("x = (\n")
    run = [sys.executable, "-m", "lite.cli", "build", str(bad), "-o", str(tmp_path / "s")]
    result = subprocess.run(run, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith(f"lite: error: {bad}: invalid syntax at line 1")
    assert result.stderr.count("\n") == 1


def test_output_path_that_is_a_file(
    app: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "site").write_text("")
    assert main(["build", str(app), "-o", str(tmp_path / "site")]) == 1
    assert one_error_line(capsys).endswith("site: File exists")


def test_missing_static_says_make_setup(
    app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(site, "STATIC_DIR", tmp_path / "nowhere")
    assert main(["build", str(app), "-o", str(tmp_path / "site")]) == 1
    assert "make setup" in one_error_line(capsys)


def test_build_writes_the_layout(app: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert main(["build", str(app), "-o", str(out), "--state-key", "scores-v1"]) == 0
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert files == {
        "index.html",
        "app.json",
        "manifest.webmanifest",
        "icon.svg",
        "sw.js",
        "lite.js",
        "lite.css",
        "worker.js",
        "app/app.py",
        "app/util.py",
        "pyodide/pyodide.mjs",
        "pyodide/pyodide.asm.mjs",
        "pyodide/pyodide.asm.wasm",
        "pyodide/python_stdlib.zip",
        "pyodide/pyodide-lock.json",
        "pyodide/micropip-0.7.2-py3-none-any.whl",
        "pyodide/packaging-26.1-py3-none-any.whl",
        f"pyodide/{wheel_name()}",
    }
    manifest = json.loads((out / "app.json").read_text())
    config = manifest.pop("config")  # the pre-rendered UI, as the browser will compute it
    assert [c["type"] for c in config["inputs"]] == ["textbox"]
    assert manifest.pop("state_namespace").startswith("app:")  # see test_state_identity.py
    assert manifest == {
        "entry": "app.py",
        "files": ["app.py", "util.py"],
        "lazy_files": [],
        "requirements": [],
        "state_key": "scores-v1",
    }


def test_lock_lists_the_shipped_wheels_with_their_hashes(app: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert main(["build", str(app), "-o", str(out)]) == 0
    lock = json.loads((out / "pyodide" / "pyodide-lock.json").read_text())
    assert lock["info"]["python"] == "3.14.2"  # copied from Pyodide's own lock
    assert set(lock["packages"]) == {"micropip", "packaging", "lite"}
    for spec in lock["packages"].values():
        data = (out / "pyodide" / spec["file_name"]).read_bytes()
        assert spec["sha256"] == hashlib.sha256(data).hexdigest()
        assert spec["imports"] == [spec["name"]]
    assert lock["packages"]["micropip"]["depends"] == ["packaging"]
    assert lock["packages"]["lite"]["depends"] == []
    assert lock["packages"]["lite"]["version"] == version()


def test_runtime_wheel_is_a_valid_wheel_of_lite(app: Path, tmp_path: Path) -> None:
    assert main(["build", str(app), "-o", str(tmp_path / "site")]) == 0
    wheel = tmp_path / "site" / "pyodide" / wheel_name()
    with zipfile.ZipFile(wheel) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        info = f"lite-{version()}.dist-info"
        assert f"{info}/METADATA" in names and f"{info}/WHEEL" in names
        assert "lite/site.py" in names
        assert not [n for n in names if "static/" in n or "__pycache__" in n]
        record = archive.read(f"{info}/RECORD").decode()
    assert {line.split(",")[0] for line in record.splitlines()} == set(names)
    # Importable from the wheel alone, with no site-packages and no source checkout.
    probe = "import sys; sys.path.insert(0, sys.argv[1]); import lite.wheel; print(lite.__path__)"
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", probe, str(wheel)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert str(wheel) in result.stdout


def test_same_sources_give_the_same_wheel(app: Path, tmp_path: Path) -> None:
    assert main(["build", str(app), "-o", str(tmp_path / "a")]) == 0
    assert main(["build", str(app), "-o", str(tmp_path / "b")]) == 0
    first, second = (tmp_path / d / "pyodide" / wheel_name() for d in "ab")
    assert first.read_bytes() == second.read_bytes()


def test_gallery_builds_every_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    examples = tmp_path / "examples"
    for name, doc in [("counter", '"""Counts clicks.\n\nMore."""\n'), ("plain", "")]:
        (examples / name).mkdir(parents=True)
        (examples / name / "app.py").write_text(doc + "x = 1\n")
    (examples / "notes").mkdir()  # no app.py: not an example
    out = tmp_path / "gallery"
    assert main(["gallery", str(examples), "-o", str(out)]) == 0
    index = (out / "index.html").read_text()
    assert '<a href="counter/">counter</a> &mdash; Counts clicks.</li>' in index
    assert '<a href="plain/">plain</a></li>' in index
    assert "notes" not in index
    # One shared runtime, found by each app page one folder up.
    assert (out / "lite.js").is_file() and not (out / "counter" / "lite.js").exists()
    assert 'src="../lite.js"' in (out / "counter" / "index.html").read_text()
    assert (out / "plain" / "app" / "app.py").is_file()


def test_gallery_without_examples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gallery", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    assert "no */app.py found" in one_error_line(capsys)


@pytest.mark.skipif(
    bool(site.missing_static(site.STATIC_DIR)), reason="lite/static/ is not built (`make setup`)"
)
def test_build_against_the_real_front_end(
    app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(site, "STATIC_DIR", Path(site.__file__).parent / "static")
    out = tmp_path / "site"
    assert main(["build", str(app), "-o", str(out)]) == 0
    lock = json.loads((out / "pyodide" / "pyodide-lock.json").read_text())
    upstream = json.loads((site.STATIC_DIR / "pyodide" / site.UPSTREAM_LOCK).read_text())
    assert lock["info"] == upstream["info"]
    assert set(lock["packages"]) == {"micropip", "lite"}
    for spec in lock["packages"].values():
        data = (out / "pyodide" / spec["file_name"]).read_bytes()
        assert spec["sha256"] == hashlib.sha256(data).hexdigest()
    for name in site.REQUIRED_STATIC:
        # sw.js starts with the build's file list (lite/offline.py).
        assert (out / name).read_bytes().endswith((site.STATIC_DIR / name).read_bytes())


def test_build_can_leave_out_the_snapshot(app: Path, tmp_path: Path, static: Path) -> None:
    # A stand-in for the Node script that always makes a "snapshot".
    script = 'import { writeFileSync } from "node:fs"; writeFileSync(process.argv[4], "x");\n'
    (static / "make-snapshot.mjs").write_text(script)
    assert main(["build", str(app), "-o", str(tmp_path / "with")]) == 0
    assert (tmp_path / "with" / "pyodide" / "snapshot.bin.gz").exists()
    assert main(["build", str(app), "-o", str(tmp_path / "without"), "--no-snapshot"]) == 0
    assert not (tmp_path / "without" / "pyodide" / "snapshot.bin.gz").exists()
