"""File: uploads in (a path, or bytes), files out (downloads). The bytes cross the seam
as transferred buffers (lite/files.py); Python only sees paths."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from ..errors import Error
from ..files import NamedString, file_data, is_file_data, save_bytes, upload_path
from .base import Component

# Gradio's file_types categories besides extensions.
_CATEGORIES = ("image", "video", "audio", "text")


def allowed(name: str, file_types: list[str] | None) -> bool:
    """Gradio's rule: an extension (".pdf") or a category ("image") matches."""
    if not file_types:
        return True
    suffix = Path(name).suffix.lower()
    mime = mimetypes.guess_type(name)[0] or ""
    for wanted in file_types:
        wanted = wanted.lower()
        if wanted in _CATEGORIES and mime.startswith(wanted + "/"):
            return True
        if wanted == "file" or (wanted.startswith(".") and suffix == wanted):
            return True
    return False


def to_file_data(value: Any) -> dict[str, Any]:
    """What an output file can be given as: a path, bytes, or a FileData already."""
    if is_file_data(value):
        return dict(value)
    if isinstance(value, bytes | bytearray):
        return file_data(save_bytes(bytes(value), "file"))
    if isinstance(value, str | Path):
        return file_data(value)
    raise TypeError(f"A file output expects a path or bytes, got {type(value).__name__}")


class File(Component):
    type = "file"
    shortcuts = ("file", "files")

    def __init__(
        self,
        value: Any = None,
        *,
        file_count: str = "single",
        file_types: list[str] | None = None,
        type: str = "filepath",  # noqa: A002 - Gradio's name
        allow_reordering: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if file_count not in ("single", "multiple", "directory"):
            raise ValueError(
                f"file_count must be 'single', 'multiple' or 'directory', not {file_count!r}"
            )
        if type not in ("filepath", "binary"):
            raise ValueError(f"type must be 'filepath' or 'binary', not {type!r}")
        self.file_count = file_count
        self.file_types = file_types
        self.return_type = type

    def _one(self, payload: Any) -> NamedString | bytes:
        path = upload_path(payload)
        name = payload.get("orig_name") or path
        if self.return_type == "binary":
            return Path(path).read_bytes()
        if not allowed(name, self.file_types):
            raise Error(
                "Invalid file type. Please upload a file that is one of these formats: "
                f"{self.file_types}"
            )
        return NamedString(path)

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        items = payload if isinstance(payload, list) else [payload]
        if not items:  # as Gradio: no files is [] for "multiple", None for "single"
            return None if self.file_count == "single" else []
        files = [self._one(item) for item in items]
        return files[0] if self.file_count == "single" else files

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, list | tuple):
            return [to_file_data(v) for v in value]
        return to_file_data(value)

    def props(self) -> dict[str, Any]:
        return {"file_count": self.file_count, "file_types": self.file_types}
