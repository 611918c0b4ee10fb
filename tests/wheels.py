"""Tiny pure-Python wheels made on the spot, for builds that resolve requirements offline."""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from pathlib import Path


def make_wheel(
    folder: Path,
    name: str,
    version: str,
    requires: tuple[str, ...] = (),
    tag: str = "py3-none-any",
    code: str = "",
) -> Path:
    """Write folder/<name>-<version>-<tag>.whl: a module `name` with VERSION = version
    and __version__ (and `code`)."""
    folder.mkdir(parents=True, exist_ok=True)
    dist = f"{name}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata += "".join(f"Requires-Dist: {r}\n" for r in requires)
    files = {
        f"{name}/__init__.py": f"VERSION = __version__ = {version!r}\n{code}",
        f"{dist}/METADATA": metadata,
        f"{dist}/WHEEL": f"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: {tag}\n",
    }
    record = ""
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=")
        record += f"{path},sha256={digest.decode()},{len(text.encode())}\n"
    files[f"{dist}/RECORD"] = record + f"{dist}/RECORD,,\n"
    wheel = folder / f"{name}-{version}-{tag}.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(path, (2020, 1, 1, 0, 0, 0)), text)
    return wheel


def make_pyodide_index(folder: Path, wheels: list[Path], depends: dict[str, list[str]]) -> Path:
    """A Pyodide package index: the wheels and a pyodide-lock.json describing them."""
    folder.mkdir(parents=True, exist_ok=True)
    packages = {}
    for wheel in wheels:
        name, version = wheel.name.split("-")[:2]
        target = folder / wheel.name
        target.write_bytes(wheel.read_bytes())
        packages[name] = {
            "name": name,
            "version": version,
            "file_name": wheel.name,
            "install_dir": "site",
            "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
            "package_type": "package",
            "imports": [name],
            "depends": depends.get(name, []),
        }
    lock = {"info": {}, "packages": packages}
    (folder / "pyodide-lock.json").write_text(json.dumps(lock))
    return folder
