"""The app's requirements, resolved when the site is built, so the page never asks an index.

`lite build` reads requirements.txt (or, when present, requirements.lock, which pins
exact versions and hashes) and has pip download the wheels, with their dependencies, for
Pyodide 314: pure-Python wheels and wheels built for its platform tag. They go into the
site's pyodide/ folder, where the lock the site already writes (pyodide-lock.json) lists
them, and the page loads them from there with the rest of the runtime. The build also
writes requirements.lock into the site: copy it beside requirements.txt to pin a build.

Packages of Pyodide's own distribution (numpy, pandas, Pillow...) have no such wheel on
PyPI. `--pyodide-packages URL` names a Pyodide package index (a folder or URL holding
pyodide-lock.json and its wheels) to copy them from at build time.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

PYTHON_VERSION = "3.14"
# The platform tag of Pyodide 314's wheels; pure-Python (`any`) wheels always fit too.
PLATFORM = "pyemscripten_2026_0_wasm32"
LOCK_NAME = "requirements.lock"


class RequirementError(Exception):
    """A requirement the build cannot turn into a wheel for the page."""


def canonical(name: str) -> str:
    """The package name as indexes and Pyodide's lock compare them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(line: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line)
    return canonical(match[1]) if match else ""


def pyodide_own(upstream_lock: Path) -> dict[str, str]:
    """Pyodide's own packages that need its build (not pure Python): name -> wheel file.
    Some publish wheels for it on PyPI too (pydantic-core); the others (numpy) fail pip."""
    packages = json.loads(upstream_lock.read_text("utf-8"))["packages"]
    return {
        canonical(name): spec["file_name"]
        for name, spec in packages.items()
        if not spec["file_name"].endswith("-none-any.whl")
    }


def fixes(name: str) -> str:
    return (
        f"ship its wheel for Pyodide 314 in the app's folder (and name the file in "
        f"requirements.txt), or pass --pyodide-packages URL (a Pyodide package index "
        f"holding {name}; its wheels are copied into the site)"
    )


def resolve(
    app_dir: Path,
    requirements: list[str],
    dest: Path,
    upstream_lock: Path,
    pyodide_packages: str | None = None,
    lock_out: Path | None = None,
) -> list[str]:
    """Put the wheels the requirements need into dest, and their pins into lock_out;
    returns the names the page loads."""
    if not requirements:
        return []
    own = pyodide_own(upstream_lock)
    from_pyodide: list[str] = []
    from_pip: list[str] = []
    index = read_index(pyodide_packages) if pyodide_packages else None
    for line in requirements:
        name = requirement_name(line)
        if line.startswith("-"):  # pip's options: --index-url, --find-links...
            from_pip.append(line)
        elif line.endswith(".whl"):
            from_pip.append(str((app_dir / line).resolve()) if "://" not in line else line)
        elif index is not None and name in index["packages"]:
            from_pyodide.append(name)
        else:
            from_pip.append(line)
    names = [
        requirement_name(line)
        for line in requirements
        if not line.endswith(".whl") and not line.startswith("-")
    ]
    wheels: list[Path] = []
    if from_pyodide and index is not None and pyodide_packages is not None:
        wheels += copy_from_index(pyodide_packages, index, from_pyodide, dest)
    if from_pip:
        lock = app_dir / LOCK_NAME
        wheels += download(from_pip, dest, lock if lock.is_file() else None, app_dir, own)
    if lock_out is not None:
        write_requirements_lock(wheels, lock_out)
    names += [canonical(wheel.name.split("-")[0]) for wheel in wheels]
    return sorted(set(names))


def download(
    requirements: list[str], dest: Path, lock: Path | None, cwd: Path, own: dict[str, str]
) -> list[Path]:
    """pip download for Pyodide 314, into dest; returns the wheels."""
    with tempfile.TemporaryDirectory(prefix="lite-req-") as tmp:
        listed = Path(tmp) / "requirements.txt"
        listed.write_text("\n".join(requirements) + "\n", "utf-8")
        command = [
            sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
            "--only-binary=:all:", "--python-version", PYTHON_VERSION,
            "--implementation", "cp", "--platform", PLATFORM,
            "-d", tmp + "/wheels", "-r", str(listed),
        ]  # fmt: skip
        if lock is not None:  # pinned: exactly these versions and bytes, nothing resolved
            command[-1] = str(lock)
            command.append("--no-deps")
        # From the app's folder: paths in requirements.txt (--find-links ./wheels) are its.
        run = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
        if run.returncode != 0:
            raise RequirementError(explain(run.stderr, own))
        wheels = []
        for wheel in sorted(Path(tmp, "wheels").glob("*.whl")):
            shutil.copyfile(wheel, dest / wheel.name)
            wheels.append(dest / wheel.name)
        return wheels


def explain(stderr: str, own: dict[str, str]) -> str:
    """pip's failure, as one line naming the requirement and why."""
    missing = re.search(r"No matching distribution found for (\S+)", stderr)
    if missing and requirement_name(missing[1]) in own:
        name = requirement_name(missing[1])
        return (
            f"requirements.txt: {name} has no wheel for Pyodide 314 on the package index: "
            f"it is part of Pyodide's own package set, built by Pyodide. Either " + fixes(name)
        )
    if missing:
        name = missing[1]
        return (
            f"requirements.txt: no wheel of {name} fits Pyodide 314 (pure Python, or built "
            f"for {PLATFORM}). Either " + fixes(requirement_name(name))
        )
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith("error")]
    return "requirements.txt: pip could not resolve it: " + (errors or lines or ["(no output)"])[-1]


def read_lines(path: Path) -> list[str]:
    """requirements.txt's lines, pip's options included; comments and blanks left out."""
    lines = []
    for raw in path.read_text("utf-8").splitlines():
        line = raw.split(" #")[0].strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def write_requirements_lock(wheels: list[Path], out: Path) -> None:
    """name==version --hash=sha256:... for each wheel: give it back to pip to rebuild."""
    lines = []
    for wheel in sorted(wheels, key=lambda w: w.name.lower()):
        name, version = wheel.name.split("-")[:2]
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        lines.append(f"{canonical(name)}=={version} --hash=sha256:{digest}")
    out.write_text("".join(f"{line}\n" for line in lines), "utf-8")


def read_index(url: str) -> dict[str, dict[str, object]]:
    """A Pyodide package index's lock, keyed by canonical name."""
    text = _read(url, "pyodide-lock.json").decode("utf-8")
    lock = json.loads(text)
    return {"packages": {canonical(k): v for k, v in lock.get("packages", {}).items()}}


def copy_from_index(
    url: str, index: dict[str, dict[str, object]], names: list[str], dest: Path
) -> list[Path]:
    """Copy the named packages and what they depend on, checking each wheel's hash."""
    packages = index["packages"]
    todo, seen, wheels = list(names), set(), []
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        spec = packages.get(name)
        if not isinstance(spec, dict):
            raise RequirementError(f"--pyodide-packages {url}: it has no package {name}")
        data = _read(url, str(spec["file_name"]))
        if hashlib.sha256(data).hexdigest() != spec.get("sha256"):
            raise RequirementError(
                f"--pyodide-packages {url}: {spec['file_name']} does not match its sha256"
            )
        (dest / str(spec["file_name"])).write_bytes(data)
        wheels.append(dest / str(spec["file_name"]))
        depends = spec.get("depends", [])
        todo += [canonical(str(d)) for d in depends] if isinstance(depends, list) else []
    return wheels


def _read(base: str, name: str) -> bytes:
    """A file of a local folder or an http(s)/file URL."""
    if urlsplit(base).scheme in ("http", "https", "file"):
        url = urljoin(base if base.endswith("/") else base + "/", name)
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                return bytes(response.read())
        except OSError as error:
            raise RequirementError(f"--pyodide-packages: could not read {url}: {error}") from None
    path = Path(base) / name
    if not path.is_file():
        raise RequirementError(f"--pyodide-packages: {path} not found")
    return path.read_bytes()
