"""What a build ships: the app and what it needs, never the whole folder."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from lite.shipping import ConfigError, imported_files, matches, read_config, select


def make(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def shipped(folder: Path, **options: object) -> list[str]:
    return list(select(folder, "app.py", **options).files)  # type: ignore[arg-type]


def test_imports_are_followed_transitively(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "app.py": "import helper\nfrom pkg.models import fit\nimport flat\n",
            "helper.py": "def f():\n    import lazy_dep\n",  # inside a function still counts
            "lazy_dep.py": "",
            "pkg/__init__.py": "from . import util\n",
            "pkg/util.py": "from .deep import core\n",
            "pkg/deep/__init__.py": "",
            "pkg/deep/core.py": "from .. import models\n",
            "pkg/models.py": "",
            "pkg/unused.py": "",
            "star/__init__.py": "",
            "star/a.py": "",
            "star/sub/b.py": "",
            "flat.py": "from star import *\n",
            "tool.py": "import helper\n",  # not imported by the app
            "tests/test_app.py": "import app\n",
        },
    )
    assert imported_files(tmp_path, "app.py") == {
        "helper.py",
        "lazy_dep.py",
        "pkg/__init__.py",
        "pkg/util.py",
        "pkg/deep/__init__.py",
        "pkg/deep/core.py",
        "pkg/models.py",
        "flat.py",
        "star/__init__.py",
        "star/a.py",  # a star import may load any of the package's modules
    }
    shipment = select(tmp_path, "app.py")
    assert list(shipment.files)[0] == "app.py"
    assert shipment.notes == [
        "left out, not imported: tool.py, pkg/unused.py, star/sub/b.py, tests/test_app.py"
        " (--include GLOB ships them)"
    ]


def test_namespace_packages_dynamic_imports_and_the_standard_library(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "app.py": (
                "import json, os.path\n"
                "import importlib\n"
                "from lib.tools import x\n"
                "plugin = importlib.import_module('plugins.one')\n"
                "other = __import__('two')\n"
                "from . import nothing\n"  # the entry runs as __main__: no package
            ),
            "lib/tools.py": "",
            "plugins/one.py": "",
            "two.py": "",
            "json.py": "",  # a local json.py shadows the standard library: it ships
        },
    )
    assert imported_files(tmp_path, "app.py") == {
        "lib/tools.py",
        "plugins/one.py",
        "two.py",
        "json.py",
    }


def test_a_module_that_does_not_parse_still_ships(tmp_path: Path) -> None:
    make(tmp_path, {"app.py": "import broken\n", "broken.py": "def (:\n"})
    assert shipped(tmp_path) == ["app.py", "broken.py"]


def test_the_folders_other_files_ship_but_not_what_never_should(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "app.py": "",
            "data/words.txt": "",
            "notes.md": "",
            "requirements.txt": "regex\n",
            "lite.toml": "",
            ".hidden": "",
            ".git/config": "",
            ".cache/x.txt": "",
            "__pycache__/app.cpython-311.pyc": "",
            "node_modules/x/index.js": "",
            "venv/pyvenv.cfg": "",
            "venv/lib/site.txt": "",
            "env/pyvenv.cfg": "",
            "old_site/app.json": "{}",
            "old_site/lite.js": "",
            "old_site/pyodide/snapshot.bin.gz": "",
            "looks_like_a_site/app.json": "{}",  # no lite.js beside it: the app's data
        },
    )
    assert shipped(tmp_path) == [
        "app.py",
        "data/words.txt",
        "looks_like_a_site/app.json",
        "notes.md",
    ]


def test_the_build_output_inside_the_folder_is_left_out(tmp_path: Path) -> None:
    make(tmp_path, {"app.py": "", "out/index.html": "", "out/app/app.py": ""})
    assert shipped(tmp_path, out=tmp_path / "out") == ["app.py"]


def test_no_size_limit(tmp_path: Path) -> None:
    make(tmp_path, {"app.py": ""})
    with open(tmp_path / "big.bin", "wb") as big:
        big.truncate(50_000_000)
    assert select(tmp_path, "app.py").files == {"app.py": 0, "big.bin": 50_000_000}


def test_secrets_never_ship_unless_imported(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "app.py": "import secrets\n",
            "secrets.py": "TOKEN = 'x'\n",
            "secrets.json": "{}",
            "server.pem": "",
            "API.KEY": "",
            "id_rsa.pub": "",
            "credentials.ini": "",
            "config/.env.local": "",
            "data.csv": "",
        },
    )
    shipment = select(tmp_path, "app.py")
    assert list(shipment.files) == ["app.py", "data.csv", "secrets.py"]
    assert shipment.warnings == ["shipping secrets.py: the app imports it, and it is public"]
    assert shipment.notes == [
        "left out, secret: API.KEY, credentials.ini, id_rsa.pub, secrets.json, server.pem"
        " (--include GLOB ships them)"
    ]


def test_include_and_exclude(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "app.py": "import helper\n",
            "helper.py": "",
            "tool.py": "",
            "data/a.csv": "",
            "data/b.json": "",
            "notebooks/try.ipynb": "",
            "deep/er/x.csv": "",
            "server.pem": "",
        },
    )
    files = shipped(
        tmp_path,
        include=["tool.py", "*.pem"],
        exclude=["notebooks", "data/*.json", "**/er/*.csv", "helper.py", "app.py"],
    )
    # The entry always ships; an exclude wins over an import.
    assert files == ["app.py", "data/a.csv", "server.pem", "tool.py"]


def test_globs() -> None:
    assert matches("*.csv", "a/b/c.csv") and matches("*.csv", "c.csv")
    assert matches("data", "data/x/y.txt") and matches("data/", "data/y.txt")
    assert not matches("data", "metadata/y.txt")
    assert matches("data/*.csv", "data/a.csv") and not matches("data/*.csv", "data/x/a.csv")
    assert matches("data/**/*.csv", "data/x/y/a.csv") and matches("data/**/*.csv", "data/a.csv")
    assert matches("./notes/", "notes/a.md") and not matches("notes/a", "x/notes/a")
    assert matches("file[0-9].txt", "file3.txt") and matches("f?le.txt", "file.txt")
    assert not matches("", "app.py")


def test_config_from_pyproject_and_lite_toml(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "app.py": "",
            "tool.py": "",
            "big.csv": "",
            "small.csv": "",
            "pyproject.toml": '[project]\nname = "x"\n[tool.lite]\ninclude = ["tool.py"]\n',
            "lite.toml": 'exclude = ["big.csv"]\nexlude = ["typo"]\n',
        },
    )
    warnings: list[str] = []
    assert read_config(tmp_path, warnings) == {"include": ["tool.py"], "exclude": ["big.csv"]}
    assert warnings == ["lite.toml: unknown key 'exlude' (ignored)"]
    assert shipped(tmp_path) == ["app.py", "pyproject.toml", "small.csv", "tool.py"]


@pytest.mark.parametrize(
    ("name", "text", "error"),
    [
        ("lite.toml", "include = 'x'\n", "include must be a list of glob strings"),
        ("lite.toml", "include = [\n", "lite.toml"),
        ("pyproject.toml", "[tool]\nlite = 3\n", r"\[tool.lite\] must be a table"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, name: str, text: str, error: str) -> None:
    make(tmp_path, {"app.py": "", name: text})
    with pytest.raises(ConfigError, match=error):
        select(tmp_path, "app.py")


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_git_ignored_files_are_left_out(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "app.py": "import local_settings\n",
            ".gitignore": "dump/\n*.log\nlocal_settings.py\ntracked.csv\n",
            "dump/x.csv": "",
            "run.log": "",
            "keep.csv": "",
            "tracked.csv": "",
            "local_settings.py": "",
        },
    )
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-f", "tracked.csv")  # tracked files are not ignored, as in git
    shipment = select(tmp_path, "app.py", include=["run.log"])
    # An ignored file ships when the app imports it, or when it is included.
    expected = ["app.py", "keep.csv", "local_settings.py", "run.log", "tracked.csv"]
    assert list(shipment.files) == expected
    assert shipment.notes == ["left out, git-ignored: dump/x.csv (--include GLOB ships them)"]


def test_without_git_the_rule_is_skipped_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(tmp_path, {"app.py": "", "run.log": ""})
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    shipment = select(tmp_path, "app.py")
    assert list(shipment.files) == ["app.py", "run.log"]
    assert shipment.notes == ["git is not installed, so git-ignored files are not left out"]


def test_outside_a_work_tree_git_changes_nothing(tmp_path: Path) -> None:
    make(tmp_path, {"app.py": "", "run.log": ""})
    shipment = select(tmp_path, "app.py")
    assert list(shipment.files) == ["app.py", "run.log"] and shipment.notes == []
