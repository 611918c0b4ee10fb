"""Requirements resolved at build time (lite/requirements.py): the wheels go into the site
with a lock, and a requirement that has no wheel for Pyodide fails the build, saying why.
No network: the index is a local folder of wheels made here."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from wheels import make_pyodide_index, make_wheel

from lite import site
from lite.site import BuildError, build_site

APP = "import gradio as gr\ngr.Interface(lambda s: s, 'text', 'text').launch()\n"


@pytest.fixture
def index(tmp_path: Path) -> Path:
    """A folder index: tiny-greet 1.0 (needs tiny-dep) and tiny-dep 0.1 and 0.2."""
    folder = tmp_path / "index"
    make_wheel(folder, "tiny_greet", "1.0", ("tiny-dep>=0.1",))
    make_wheel(folder, "tiny_dep", "0.1")
    make_wheel(folder, "tiny_dep", "0.2")
    make_wheel(folder, "tiny_native", "1.0", tag="cp39-cp39-manylinux_2_17_x86_64")
    return folder


def app_with(tmp_path: Path, requirements: str) -> Path:
    folder = tmp_path / "app"
    folder.mkdir()
    (folder / "app.py").write_text(APP)
    (folder / "requirements.txt").write_text(requirements)
    return folder / "app.py"


def build(
    app: Path, out: Path, fake_static: Path, monkeypatch: pytest.MonkeyPatch, **kw: str
) -> dict:
    monkeypatch.setattr(site, "STATIC_DIR", fake_static)
    build_site(app, out, static_dir=fake_static, snapshot=False, **kw)
    return json.loads((out / "app.json").read_text())


def test_wheels_and_their_dependencies_ship_with_a_lock(
    tmp_path: Path, index: Path, fake_static: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with(tmp_path, f"--no-index\n--find-links {index}\ntiny-greet\n")
    manifest = build(app, tmp_path / "site", fake_static, monkeypatch)
    # The page loads these from the site's lock; it never asks an index.
    assert manifest["requirements"] == ["tiny-dep", "tiny-greet"]
    pyodide = tmp_path / "site" / "pyodide"
    assert (pyodide / "tiny_greet-1.0-py3-none-any.whl").is_file()
    assert (pyodide / "tiny_dep-0.2-py3-none-any.whl").is_file()  # the newest that fits
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    assert lock["packages"]["tiny-greet"]["depends"] == ["tiny-dep"]
    pins = (tmp_path / "site" / "requirements.lock").read_text().splitlines()
    assert [p.split(" ")[0] for p in pins] == ["tiny-dep==0.2", "tiny-greet==1.0"]
    assert all("--hash=sha256:" in p for p in pins)


def test_a_lock_beside_the_app_pins_the_build(
    tmp_path: Path, index: Path, fake_static: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with(tmp_path, f"--no-index\n--find-links {index}\ntiny-greet\n")
    build(app, tmp_path / "first", fake_static, monkeypatch)
    lock = (tmp_path / "first" / "requirements.lock").read_text()
    # Pinned to 0.1, then copied beside requirements.txt: the build follows it exactly.
    pinned = lock.replace("tiny-dep==0.2", "tiny-dep==0.1")
    digest = hashlib.sha256((index / "tiny_dep-0.1-py3-none-any.whl").read_bytes())
    pinned = "\n".join(
        f"tiny-dep==0.1 --hash=sha256:{digest.hexdigest()}" if line.startswith("tiny-dep") else line
        for line in pinned.splitlines()
    )
    (app.parent / "requirements.lock").write_text(f"--no-index\n--find-links {index}\n{pinned}\n")
    build(app, tmp_path / "second", fake_static, monkeypatch)
    wheels = sorted(p.name for p in (tmp_path / "second" / "pyodide").glob("tiny*.whl"))
    assert wheels == ["tiny_dep-0.1-py3-none-any.whl", "tiny_greet-1.0-py3-none-any.whl"]
    # requirements.lock is read by the build, not shipped with the app.
    assert not (tmp_path / "second" / "app" / "requirements.lock").exists()
    # The same inputs give the same site.
    build(app, tmp_path / "third", fake_static, monkeypatch)
    for name in ("pyodide/pyodide-lock.json", "requirements.lock", "sw.js"):
        assert (tmp_path / "second" / name).read_bytes() == (tmp_path / "third" / name).read_bytes()


def test_a_rebuild_drops_wheels_no_longer_required(
    tmp_path: Path, index: Path, fake_static: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with(tmp_path, f"--no-index\n--find-links {index}\ntiny-greet\n")
    build(app, tmp_path / "site", fake_static, monkeypatch)
    (app.parent / "requirements.txt").write_text("")
    build(app, tmp_path / "site", fake_static, monkeypatch)
    assert not list((tmp_path / "site" / "pyodide").glob("tiny*.whl"))


def test_numpy_fails_early_naming_both_fixes(
    tmp_path: Path, fake_static: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An empty folder as the index: the same answer PyPI gives, without the network.
    (tmp_path / "empty").mkdir()
    app = app_with(tmp_path, f"--no-index\n--find-links {tmp_path / 'empty'}\nnumpy>=2\n")
    with pytest.raises(BuildError) as error:
        build(app, tmp_path / "site", fake_static, monkeypatch)
    message = str(error.value)
    assert "numpy has no wheel for Pyodide 314" in message
    assert "Pyodide's own package set" in message
    assert "ship its wheel" in message and "--pyodide-packages URL" in message


def test_no_usable_wheel_fails_naming_the_requirement(
    tmp_path: Path, index: Path, fake_static: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with(tmp_path, f"--no-index\n--find-links {index}\ntiny-native\n")
    with pytest.raises(BuildError) as error:
        build(app, tmp_path / "site", fake_static, monkeypatch)
    assert "no wheel of tiny-native fits Pyodide 314" in str(error.value)
    assert "pyemscripten_2026_0_wasm32" in str(error.value)


def test_pyodide_packages_are_copied_into_the_site(
    tmp_path: Path, fake_static: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = tmp_path / "made"
    wheels = [make_wheel(made, "numpy", "9.9"), make_wheel(made, "numpy_helper", "1.0")]
    index = make_pyodide_index(tmp_path / "dist", wheels, {"numpy": ["numpy-helper"]})
    app = app_with(tmp_path, "numpy\n")
    # As a file:// URL here, as a plain folder below.
    manifest = build(
        app, tmp_path / "site", fake_static, monkeypatch, pyodide_packages=index.as_uri()
    )
    assert manifest["requirements"] == ["numpy", "numpy-helper"]
    shipped = sorted(p.name for p in (tmp_path / "site" / "pyodide").glob("numpy*.whl"))
    assert shipped == ["numpy-9.9-py3-none-any.whl", "numpy_helper-1.0-py3-none-any.whl"]
    # A wheel that does not match the index's hash is refused.
    (index / "numpy_helper-1.0-py3-none-any.whl").write_bytes(b"tampered")
    with pytest.raises(BuildError, match="does not match its sha256"):
        build(app, tmp_path / "again", fake_static, monkeypatch, pyodide_packages=str(index))
