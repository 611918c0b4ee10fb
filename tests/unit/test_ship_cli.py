"""`lite build` says what it ships: --list, --include/--exclude, and the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lite import site
from lite.cli import main


@pytest.fixture(autouse=True)
def static(fake_static: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(site, "STATIC_DIR", fake_static)
    monkeypatch.setattr(site, "add_snapshot", lambda *args: None)  # Node is not needed here
    return fake_static


@pytest.fixture
def app(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    for name, text in {
        "app.py": "import gradio as gr\nimport helper\n\ngr.Interface(str.upper, 'text', 'text')\n",
        "helper.py": "",
        "tool.py": "",
        "notes.md": "# notes\n",
        "secrets.toml": "token = 1\n",
    }.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    with open(folder / "data.bin", "wb") as data:
        data.truncate(6_000_000)
    return folder / "app.py"


def test_list_prints_every_file_and_builds_nothing(
    app: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    assert main(["build", str(app), "-o", str(out), "--list", "--exclude", "notes.md"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[-1] for line in lines] == ["app.py", "data.bin", "helper.py"]
    assert lines[1].split() == ["6.0", "MB", "data.bin"]
    assert not out.exists()


def test_list_needs_no_output_folder_but_a_build_does(
    app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(app), "--list"]) == 0
    assert "helper.py" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["build", str(app)])
    assert "needs -o/--out DIR" in capsys.readouterr().err


def test_list_with_include_warns_of_a_secret(
    app: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["build", str(app), "-o", str(tmp_path / "s"), "--list"]
    assert main([*args, "--include", "tool.py", "--include", "secrets.*"]) == 0
    captured = capsys.readouterr()
    assert "secrets.toml" in captured.out and "tool.py" in captured.out
    assert "lite: warning: shipping secrets.toml: it was included" in captured.err


def test_build_prints_a_summary_and_warns_when_heavy(
    app: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    assert main(["build", str(app), "-o", str(out), "--exclude", "helper.py"]) == 0
    captured = capsys.readouterr()
    assert "Shipped 3 app files, 6.0 MB:" in captured.out
    assert "6.0 MB  data.bin (loaded after the app is ready)" in captured.out
    assert "weigh 6.0 MB" in captured.err
    assert json.loads((out / "app.json").read_text())["files"] == ["app.py", "data.bin", "notes.md"]


def test_a_light_build_does_not_warn(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = tmp_path / "src" / "app.py"
    app.parent.mkdir()
    app.write_text("")
    assert main(["build", str(app), "-o", str(tmp_path / "site")]) == 0
    captured = capsys.readouterr()
    assert "Shipped 1 app file, 0 B:" in captured.out
    assert "warning" not in captured.err and "and 1 more" not in captured.out
