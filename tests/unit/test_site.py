"""The site builder's pieces, the runtime wheel and the local server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from lite import site
from lite.server import RELOAD_SCRIPT, snapshot, start
from lite.site import BuildError, page_html, read_requirements, write_app
from lite.wheel import PACKAGE_DIR, build_wheel, source_files


def make_app(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder / "app.py"


def big(path: Path, size: int = site.LAZY_SIZE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as file:
        file.truncate(size)


LAZY_APP = """
import os
from pathlib import Path

import gradio as gr

HERE = Path(__file__).parent
START = (HERE / "start.bin").read_bytes()  # read as the app starts
LISTED = sorted(os.listdir(HERE / "listed"))  # a folder the app lists as it starts


def size(name):
    return len((HERE / name).read_bytes())  # read by an event only


gr.Interface(size, "text", "number").launch()
"""


def test_big_files_the_app_does_not_read_as_it_starts_load_later(tmp_path: Path) -> None:
    code = LAZY_APP + "def f():\n    import big_module\n"  # imported by an event only
    app = make_app(tmp_path / "src", {"app.py": code, "small.txt": "x"})
    names = ["start.bin", "listed/a.bin", "later.bin", "data/later.bin", "w-1-py3-none-any.whl"]
    names.append("big_module.py")
    for name in names:
        big(tmp_path / "src" / name)
    manifest = write_app(app, tmp_path / "out")
    assert manifest["files"] == [
        "app.py",
        "big_module.py",
        "data/later.bin",
        "later.bin",
        "listed/a.bin",
        "small.txt",
        "start.bin",
        "w-1-py3-none-any.whl",
    ]
    assert manifest["lazy_files"] == ["data/later.bin", "later.bin"]
    assert (tmp_path / "out/app/later.bin").stat().st_size == site.LAZY_SIZE


def test_big_files_load_at_boot_when_the_app_cannot_start_on_the_host(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(tmp_path / "src", {"app.py": "import browser_only\n"})
    big(tmp_path / "src" / "later.bin")
    assert write_app(app, tmp_path / "out")["lazy_files"] == []
    assert "later.bin load at boot: the app could not start" in capsys.readouterr().err


def test_bad_config_is_a_build_error(tmp_path: Path) -> None:
    app = make_app(tmp_path / "src", {"app.py": "", "lite.toml": "include = 1\n"})
    with pytest.raises(BuildError, match="include must be a list"):
        write_app(app, tmp_path / "out")


def test_requirements(tmp_path: Path) -> None:
    path = tmp_path / "requirements.txt"
    path.write_text("# pinned\nnumpy==2.0  # math\n\n--index-url https://x\nregex\n")
    assert read_requirements(path) == ["numpy==2.0", "regex"]


def test_manifest_takes_requirements_from_the_folder(tmp_path: Path) -> None:
    app = make_app(tmp_path / "src", {"app.py": "x = 1\n", "requirements.txt": "regex\n"})
    manifest = write_app(app, tmp_path / "out")
    expected = {
        "entry": "app.py",
        "files": ["app.py"],
        "lazy_files": [],
        "requirements": ["regex"],
        "state_key": None,
        "config": None,  # no Interface to pre-render
        "state_namespace": manifest["state_namespace"],  # see test_state_identity.py
    }
    assert manifest == expected
    assert json.loads((tmp_path / "out" / "app.json").read_text()) == manifest


def test_rebuild_drops_deleted_files(tmp_path: Path) -> None:
    app = make_app(tmp_path / "src", {"app.py": "", "old.py": ""})
    write_app(app, tmp_path / "out")
    (tmp_path / "src" / "old.py").unlink()
    write_app(app, tmp_path / "out")
    assert [p.name for p in (tmp_path / "out" / "app").iterdir()] == ["app.py"]


def test_output_folder_cannot_be_the_app_folder(tmp_path: Path) -> None:
    app = make_app(tmp_path, {"app.py": ""})
    with pytest.raises(BuildError, match="must not be the app's own folder"):
        write_app(app, tmp_path)


def test_page() -> None:
    page = page_html("<b>.py", assets="../", head=RELOAD_SCRIPT)
    assert "<title>&lt;b&gt;.py</title>" in page
    assert '<gradio-lite manifest="app.json"></gradio-lite>' in page
    assert '<script type="module" src="../lite.js"></script>' in page
    assert '<link rel="stylesheet" href="../lite.css">' in page
    assert "<noscript>" in page and "/__build" in page
    assert "__build" not in page_html("app.py")


def test_wheel_leaves_out_host_only_files() -> None:
    names = {p.relative_to(PACKAGE_DIR).as_posix() for p in source_files()}
    assert "site.py" in names and "wheel.py" in names
    assert not [n for n in names if n.startswith("static/") or "__pycache__" in n]


def test_wheel_bytes_do_not_depend_on_file_times(tmp_path: Path) -> None:
    package = tmp_path / "lite"
    make_app(package, {"__init__.py": "", "x.py": "A = 1\n"})
    first = build_wheel(tmp_path / "a", package_dir=package, ver="1.0").read_bytes()
    os.utime(package / "x.py", (1_000_000_000, 1_000_000_000))
    second = build_wheel(tmp_path / "b", package_dir=package, ver="1.0").read_bytes()
    assert first == second


def test_server_types_and_caching(tmp_path: Path) -> None:
    for name in ["a.js", "a.mjs", "a.wasm", "a.json", "a.whl", "index.html", "app.py"]:
        (tmp_path / name).write_text("x")
    server = start(tmp_path)
    try:
        expected = {
            "a.js": "text/javascript",
            "a.mjs": "text/javascript",
            "a.wasm": "application/wasm",
            "a.json": "application/json",
            "a.whl": "application/zip",
            "": "text/html",
            "app.py": "text/plain; charset=utf-8",
        }
        for name, mime in expected.items():
            with urllib.request.urlopen(server.url + name) as response:
                assert response.headers["Content-Type"] == mime, name
                assert response.headers["Cache-Control"] == "no-cache"
        with pytest.raises(urllib.error.HTTPError):  # only `lite serve` answers it
            urllib.request.urlopen(server.url + "__build")
    finally:
        server.shutdown()
        server.server_close()


def test_snapshot_sees_saves(tmp_path: Path) -> None:
    make_app(tmp_path, {"app.py": "", "__pycache__/x.pyc": ""})
    before = snapshot(tmp_path)
    assert list(before) == ["app.py"]
    (tmp_path / "app.py").write_text("x = 2\n")
    assert snapshot(tmp_path) != before


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode())


def test_lite_serve_rebuilds_on_save(tmp_path: Path, fake_static: Path) -> None:
    app = make_app(tmp_path / "src", {"app.py": "x = 1\n"})
    # The real `lite serve`, pointed at the fake front end and a free port.
    code = (
        "import sys, pathlib; from lite import site; from lite.cli import main; "
        "site.STATIC_DIR = pathlib.Path(sys.argv[1]); "
        "sys.exit(main(['serve', sys.argv[2], '--port', '0']))"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(fake_static), str(app)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        url = banner.split(" at ")[1].split()[0]
        assert "/__build" in _get(url)
        assert _get(url + "app/app.py") == "x = 1\n"
        build = _get(url + "__build")
        (tmp_path / "src" / "app.py").write_text("x = 2\n")
        deadline = time.monotonic() + 10
        while _get(url + "__build") == build:
            assert time.monotonic() < deadline, "no rebuild after a save"
            time.sleep(0.1)
        assert _get(url + "app/app.py") == "x = 2\n"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()  # don't leave it (and its pipes) to the next test
            out, err = process.communicate()
            raise AssertionError(f"lite serve did not stop on Ctrl-C:\n{err}") from None
    assert process.returncode == 0, err
    assert "Traceback" not in err and "Stopped." in out


def test_an_input_whose_type_needs_a_pyodide_package_fails_the_build_early(
    tmp_path: Path,
) -> None:
    """WAVE.md: the build names the component, the package and both fixes."""
    (tmp_path / "app.py").write_text(
        "import gradio as gr\n"
        "gr.Interface(lambda img, df: 1, [gr.Image(label='Photo'), gr.Dataframe(label='T')],"
        " gr.Dataframe(label='Out')).launch()\n"
    )
    with pytest.raises(BuildError) as error:
        write_app(tmp_path / "app.py", tmp_path / "site")
    message = str(error.value)
    assert "Image 'Photo' needs Pillow and numpy" in message
    assert "type='filepath'" in message and "--pyodide-packages URL" in message
    # With type= that needs no package (an output Dataframe never needs pandas), it builds.
    (tmp_path / "app.py").write_text(
        "import gradio as gr\n"
        "gr.Interface(lambda img, df: 1, [gr.Image(type='filepath'), gr.Dataframe(type='array')],"
        " gr.Dataframe()).launch()\n"
    )
    assert write_app(tmp_path / "app.py", tmp_path / "site")["entry"] == "app.py"


def test_the_package_check_accepts_what_the_site_ships() -> None:
    site.check_component_packages({"Dataframe 'T'": ["pandas"]}, ["numpy", "pandas"])
    site.check_component_packages({"Image 'P'": ["Pillow"]}, ["pillow"])
    with pytest.raises(BuildError, match="Dataframe 'T' needs pandas"):
        site.check_component_packages({"Dataframe 'T'": ["pandas"]}, ["numpy"])
