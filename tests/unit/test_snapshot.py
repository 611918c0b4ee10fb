"""The memory snapshot step of `lite build`: made once per wheel, cached, optional."""

from pathlib import Path

import pytest

from lite.snapshot import CACHE, SCRIPT, SNAPSHOT, add_snapshot

# Stands in for make-snapshot.mjs: writes its arguments, so the test sees the call.
FAKE = """import { writeFileSync } from "node:fs";
writeFileSync(process.argv[4], process.argv.slice(2, 4).join(" "));
"""
FAILING = "console.error('Snapshot build id mismatch'); process.exit(3);\n"


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path, Path]:
    static = tmp_path / "static"
    pyodide = tmp_path / "site" / "pyodide"
    pyodide.mkdir(parents=True)
    static.mkdir()
    (pyodide / "pyodide.asm.mjs").write_text("build 1")
    wheel = pyodide / "lite-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"wheel v1")
    return static, pyodide, wheel


def test_no_script_means_no_snapshot(layout):
    static, pyodide, wheel = layout
    assert add_snapshot(pyodide, wheel, static) is False
    assert not (pyodide / SNAPSHOT).exists()


def test_made_once_then_cached_per_wheel(layout):
    static, pyodide, wheel = layout
    (static / SCRIPT).write_text(FAKE)
    assert add_snapshot(pyodide, wheel, static) is True
    assert (pyodide / SNAPSHOT).read_text() == f"{pyodide} {wheel}"
    assert len(list((static / CACHE).iterdir())) == 1
    (static / SCRIPT).write_text(FAILING)  # a second build must not run it again
    (pyodide / SNAPSHOT).unlink()
    assert add_snapshot(pyodide, wheel, static) is True
    wheel.write_bytes(b"wheel v2")  # a changed runtime needs a new snapshot
    assert add_snapshot(pyodide, wheel, static) is False


def test_a_failing_script_is_a_note_not_an_error(layout, capsys):
    static, pyodide, wheel = layout
    (static / SCRIPT).write_text(FAILING)
    assert add_snapshot(pyodide, wheel, static) is False
    assert "Snapshot build id mismatch" in capsys.readouterr().err
    assert not (pyodide / SNAPSHOT).exists()
