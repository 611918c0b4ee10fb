"""Fixtures shared by every test folder."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from lite.site import REQUIRED_STATIC, UPSTREAM_LOCK


def _fake_wheel(folder: Path, name: str, version: str, requires: list[str]) -> None:
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-any.whl", "w") as archive:
        archive.writestr(f"{name}/__init__.py", "")
        metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        metadata += "".join(f"Requires-Dist: {req}\n" for req in requires)
        archive.writestr(f"{name}-{version}.dist-info/METADATA", metadata)


@pytest.fixture
def fake_static(tmp_path: Path) -> Path:
    """A stand-in for lite/static/ with the right file names and tiny contents, so the
    builder can be tested before (or without) `make setup`."""
    static = tmp_path / "static"
    for name in REQUIRED_STATIC:
        (static / name).parent.mkdir(parents=True, exist_ok=True)
        (static / name).write_text(f"/* {name} */\n")
    pyodide = static / "pyodide"
    _fake_wheel(pyodide, "micropip", "0.7.2", ["packaging>=23.0", 'pytest; extra == "test"'])
    _fake_wheel(pyodide, "packaging", "26.1", [])
    upstream = {
        "info": {"arch": "wasm32", "platform": "emscripten_5_0_3", "python": "3.14.2"},
        "packages": {"numpy": {"name": "numpy", "file_name": "numpy.whl"}},
    }
    (pyodide / UPSTREAM_LOCK).write_text(json.dumps(upstream))
    (pyodide / "pyodide.d.ts").write_text("// types are not shipped\n")
    return static
