"""Which files of the app's folder a build publishes.

A built site is public, so a file ships only when the app needs it or the author chose
it: the entry, the local modules it imports (followed from the source, transitively),
and the folder's other non-Python files. Never: hidden files, virtual environments,
earlier lite sites, node_modules, git-ignored files, and key or secret files. Globs in
`[tool.lite]` of a pyproject.toml beside the app, in a lite.toml, or on the command line
(`--include`, `--exclude`) adjust the choice: an include brings back a file the rules
left out, an exclude drops any file but the entry.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# Read by the build itself, not by the app.
BUILD_INPUTS = {"requirements.txt", "requirements.lock", "lite.toml"}
# Names of key and secret files, matched case-insensitively against the file's name.
SECRETS = (".env*", "*.pem", "*.key", "id_rsa*", "secrets.*", "credentials*")
CONFIG_KEYS = {"include", "exclude"}


class ConfigError(Exception):
    """A lite.toml or [tool.lite] table that cannot be read."""


@dataclass
class Shipment:
    """The chosen files (posix paths, entry first) with their sizes in bytes."""

    files: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.files.values())


def select(
    app_dir: Path,
    entry: str,
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    out: Path | None = None,
) -> Shipment:
    """The files of app_dir to ship for the app whose entry file is app_dir/entry."""
    app_dir = app_dir.resolve()
    shipment = Shipment()
    configured = read_config(app_dir, shipment.warnings)
    include = [*configured["include"], *include]
    exclude = [*configured["exclude"], *exclude]
    found = list(walk(app_dir, out))
    imported = imported_files(app_dir, entry)
    ignored = _git_ignored(app_dir, found, shipment.notes)
    chosen: list[str] = []
    # Left out by a rule the author may not expect; the build names them.
    left_out: dict[str, list[str]] = {"git-ignored": [], "secret": [], "not imported": []}
    for rel in found:
        included = any(matches(g, rel) for g in include)
        if rel != entry and any(matches(g, rel) for g in exclude):
            continue
        name = PurePosixPath(rel).name
        secret = _is_secret(name)
        if rel == entry or rel in imported:
            if secret:
                shipment.warnings.append(f"shipping {rel}: the app imports it, and it is public")
        elif included:
            if secret:
                shipment.warnings.append(f"shipping {rel}: it was included, and it is public")
        elif name.startswith(".") or rel in BUILD_INPUTS:
            continue
        elif secret or rel in ignored or name.endswith(".py"):
            reason = "secret" if secret else "git-ignored" if rel in ignored else "not imported"
            left_out[reason].append(rel)
            continue
        chosen.append(rel)
    for reason, names in left_out.items():
        if names:
            more = f" and {len(names) - 5} more" if len(names) > 5 else ""
            shipment.notes.append(
                f"left out, {reason}: {', '.join(names[:5])}{more} (--include GLOB ships them)"
            )
    chosen.sort(key=lambda rel: (rel != entry, rel))
    shipment.files = {rel: (app_dir / rel).stat().st_size for rel in chosen}
    return shipment


def walk(app_dir: Path, out: Path | None = None) -> Iterator[str]:
    """Every file under app_dir that could ship, as posix paths relative to it. Folders
    that never ship are not even entered: hidden ones, caches, virtual environments,
    earlier lite sites and the build's own output folder."""
    skip = out.resolve() if out is not None else None
    for folder, dirs, files in os.walk(app_dir):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not _skip_folder(here / d, skip))
        for name in sorted(files):
            if not name.endswith((".pyc", ".pyo")):
                yield (here / name).relative_to(app_dir).as_posix()


def _skip_folder(folder: Path, out: Path | None) -> bool:
    name = folder.name
    if name.startswith(".") or name in ("__pycache__", "node_modules"):
        return True
    if (folder / "pyvenv.cfg").is_file():  # a virtual environment
        return True
    if (folder / "app.json").is_file() and (folder / "lite.js").is_file():  # a lite site
        return True
    return out is not None and folder.resolve() == out


def _is_secret(name: str) -> bool:
    return any(_glob_regex(pattern).fullmatch(name.lower()) for pattern in SECRETS)


# ---- imports -------------------------------------------------------------------------


def imported_files(app_dir: Path, entry: str) -> set[str]:
    """The local Python files the entry imports, directly or through each other.

    Every import statement counts, even inside a function or a try block: when in doubt,
    ship. Modules are found the way Python finds them with the app's folder first on
    sys.path (a module, a package's __init__.py, or a namespace package's folder)."""
    found: set[str] = set()
    todo = [entry]
    while todo:
        rel = todo.pop()
        if rel in found:
            continue
        found.add(rel)
        try:
            tree = ast.parse((app_dir / rel).read_bytes(), filename=rel)
        except (SyntaxError, ValueError, OSError):
            continue  # Python reports it when the app runs; the build goes on
        package = _package_of(rel, is_entry=rel == entry)
        for dotted in _imported_names(tree, package):
            todo.extend(_module_files(app_dir, dotted))
    found.discard(entry)
    return found


def _package_of(rel: str, *, is_entry: bool) -> list[str] | None:
    """The package a module belongs to, for relative imports (None for the entry,
    which runs as __main__ and has none)."""
    if is_entry:
        return None
    parts = rel.removesuffix(".py").split("/")
    return parts[:-1]


def _imported_names(tree: ast.AST, package: list[str] | None) -> Iterator[list[str]]:
    """Dotted names, as lists, of every module the code may import."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if package is None or node.level - 1 > len(package):
                    continue
                base = package[: len(package) - (node.level - 1)]
            else:
                base = []
            module = base + (node.module.split(".") if node.module else [])
            if module:
                yield module
            for alias in node.names:  # `from pkg import sub` may name a submodule
                yield [*module, alias.name]
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            name = node.args[0] if node.args else None
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                yield name.value.split(".")  # a relative name has an empty part: not local


def _is_dynamic_import(func: ast.expr) -> bool:
    """importlib.import_module("x") and __import__("x")."""
    if isinstance(func, ast.Name):
        return func.id in ("__import__", "import_module")
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def _module_files(app_dir: Path, dotted: list[str]) -> Iterator[str]:
    """The files that run when `dotted` is imported: each package's __init__.py on the
    way, and the module itself."""
    if dotted[-1] == "*":  # `from pkg import *` may import any module of the package
        folder = app_dir.joinpath(*dotted[:-1])
        if dotted[:-1] and (folder / "__init__.py").is_file():
            prefix = "/".join(dotted[:-1])
            yield from sorted(f"{prefix}/{p.name}" for p in folder.glob("*.py"))
        return
    if not all(part.isidentifier() for part in dotted):
        return
    for depth in range(1, len(dotted) + 1):
        parts = dotted[:depth]
        folder = app_dir.joinpath(*parts)
        module = folder.with_suffix(".py")
        if (folder / "__init__.py").is_file():
            yield "/".join(parts) + "/__init__.py"
        elif module.is_file():
            yield "/".join(parts) + ".py"
            return  # a module has no submodules
        elif not folder.is_dir():
            return  # not local: the standard library or an installed package


# ---- git -----------------------------------------------------------------------------


def _git_ignored(app_dir: Path, files: list[str], notes: list[str]) -> set[str]:
    """The files git ignores in app_dir's work tree ({} outside one)."""
    if not files:
        return set()
    git = shutil.which("git")
    if git is None:
        notes.append("git is not installed, so git-ignored files are not left out")
        return set()
    done = subprocess.run(
        [git, "-C", str(app_dir), "check-ignore", "-z", "--stdin"],
        input="\0".join(files) + "\0",
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1):  # 128: not a work tree
        return set()
    return {path for path in done.stdout.split("\0") if path}


# ---- configuration and globs ---------------------------------------------------------


def read_config(app_dir: Path, warnings: list[str] | None = None) -> dict[str, list[str]]:
    """Include and exclude globs from [tool.lite] in pyproject.toml and from lite.toml."""
    config: dict[str, list[str]] = {"include": [], "exclude": []}
    for name in ("pyproject.toml", "lite.toml"):
        path = app_dir / name
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: {error}") from None
        table = data.get("tool", {}).get("lite", {}) if name == "pyproject.toml" else data
        where = f"{name} [tool.lite]" if name == "pyproject.toml" else name
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.lite] must be a table")
        for key, value in table.items():
            if key not in CONFIG_KEYS:
                if warnings is not None:
                    warnings.append(f"{where}: unknown key {key!r} (ignored)")
                continue
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{path}: {key} must be a list of glob strings")
            config[key].extend(value)
    return config


def matches(pattern: str, rel: str) -> bool:
    """Whether a glob picks the file `rel` (a posix path below the app's folder).

    As in .gitignore: a pattern without a slash matches a file or folder name at any
    depth (`*.csv`, `data`); one with a slash is anchored at the app's folder
    (`data/*.csv`, `notes/**`). A folder picks every file below it. `*` stays within a
    folder, `**` crosses folders."""
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    if not pattern:
        return False
    regex = _glob_regex(pattern)
    parts = rel.split("/")
    if "/" not in pattern:
        return any(regex.fullmatch(part) for part in parts)
    return any(regex.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1))


def _glob_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1 : end].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def human_size(size: int) -> str:
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1e3:.1f} kB"
    return f"{size / 1e6:.1f} MB"
