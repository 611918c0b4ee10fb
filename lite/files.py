"""Files across the page/worker seam, Python's half (web/src/files.ts is the page's).

A file travels as a FileData dict; its bytes never go inside JSON. The worker writes an
upload's transferred buffer into the file system and fills in `path` before Python sees
it; a FileData that Python returns with a `path` is read by the worker and transferred
to the page, which shows it through an object URL."""

from __future__ import annotations

import mimetypes
import os
import tempfile
from pathlib import Path
from typing import Any

# Files Python makes for outputs (bytes, images) live here; the worker deletes each one
# once it has sent its bytes to the page, so 1,000 events leave nothing behind.
OUTPUT_DIR = Path(tempfile.gettempdir()) / "lite-outputs"


class NamedString(str):
    """A path string with Gradio's `.name` attribute (old code reads `file.name`)."""

    name: str

    def __new__(cls, path: str) -> NamedString:
        obj = super().__new__(cls, path)
        obj.name = path
        return obj


def is_file_data(value: Any) -> bool:
    return isinstance(value, dict) and value.get("_type") == "file"


def file_data(path: str | os.PathLike[str], orig_name: str | None = None) -> dict[str, Any]:
    """A FileData for a file in this file system; the worker sends its bytes to the page."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No such file: {str(path)!r}")
    return {
        "_type": "file",
        "path": str(path),
        "url": None,
        "orig_name": orig_name or path.name,
        "size": path.stat().st_size,
        "mime_type": mimetypes.guess_type(path.name)[0],
        "buffer": None,
    }


def save_bytes(data: bytes, name: str) -> Path:
    """Write bytes the function returned to a new output file named `name`."""
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=OUTPUT_DIR))
    path = folder / Path(name).name
    path.write_bytes(data)
    return path


def upload_path(payload: Any) -> str:
    """The path of an uploaded (or example) file the page sent; a clear error otherwise."""
    if is_file_data(payload) and isinstance(payload.get("path"), str):
        return str(payload["path"])
    raise ValueError(f"Expected a file, got {payload!r}")
