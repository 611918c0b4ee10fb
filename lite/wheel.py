"""Zip the lite package's own sources into the wheel that Pyodide installs in the browser.

Built here rather than by hatchling so that a site build needs nothing beyond the stdlib,
and so that the same sources always give the same bytes (the lock pins the sha256).
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
NAME = "lite"
# Zip timestamps cannot go before 1980; a fixed one keeps the bytes reproducible.
_EPOCH = (1980, 1, 1, 0, 0, 0)
# Host-only parts of the package: the front-end bundle and Pyodide files are served
# beside the wheel, never inside it; the testing kit drives a browser from the host.
_SKIP_DIRS = {"static", "testing", "__pycache__"}


def version() -> str:
    """The version of the lite package being built from: lite.__version__, its one source."""
    from lite import __version__

    return __version__


def wheel_name(ver: str | None = None) -> str:
    return f"{NAME}-{ver or version()}-py3-none-any.whl"


def source_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The package's .py files (and its py.typed marker), in a stable order."""
    found: list[Path] = []
    for path in sorted(package_dir.rglob("*")):
        rel = path.relative_to(package_dir)
        if any(part in _SKIP_DIRS or part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and (path.suffix == ".py" or path.name == "py.typed"):
            found.append(path)
    return found


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _dist_info(ver: str) -> dict[str, bytes]:
    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {NAME}\n"
        f"Version: {ver}\n"
        "Summary: Gradio's Interface API, running in the browser on Pyodide.\n"
        "Requires-Python: >=3.11\n"
    )
    wheel = "Wheel-Version: 1.0\nGenerator: lite\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    return {"METADATA": metadata.encode(), "WHEEL": wheel.encode()}


def build_wheel(out_dir: Path, *, package_dir: Path = PACKAGE_DIR, ver: str | None = None) -> Path:
    """Write the runtime wheel into out_dir and return its path."""
    ver = ver or version()
    entries: list[tuple[str, bytes]] = []
    for path in source_files(package_dir):
        arcname = f"{NAME}/{path.relative_to(package_dir).as_posix()}"
        entries.append((arcname, path.read_bytes()))
    info_dir = f"{NAME}-{ver}.dist-info"
    entries += [(f"{info_dir}/{name}", data) for name, data in _dist_info(ver).items()]
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in entries)
    entries.append((f"{info_dir}/RECORD", (record + f"{info_dir}/RECORD,,\n").encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / wheel_name(ver)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return target
