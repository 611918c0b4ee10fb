"""Gallery: a grid of images (or videos) with captions, each a FileData in
{"image": ..., "caption": ...} (or {"video": ...}), as Gradio's page form has it."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from ..errors import Error
from ..files import is_file_data
from .base import Component, fail
from .file import allowed
from .image import TYPES, open_image
from .media import (
    array_to_pil,
    css_size,
    encode_pil,
    kind_of,
    named,
    output_file,
    sources_list,
)
from .packages import require

FITS = ("contain", "cover", "fill", "none", "scale-down")


def _is_video(file: dict[str, Any]) -> bool:
    mime = file.get("mime_type") or mimetypes.guess_type(str(file.get("orig_name") or ""))[0]
    return bool(mime and mime.startswith("video/"))


class Gallery(Component):
    type = "gallery"
    shortcuts = ("gallery",)

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",  # noqa: A002 - Gradio's name
        file_types: list[str] | None = None,
        columns: int | None = 2,
        rows: int | None = None,
        height: int | float | str | None = None,
        allow_preview: bool = True,
        preview: bool | None = None,
        selected_index: int | None = None,
        object_fit: str | None = None,
        buttons: list[Any] | None = None,
        type: str = "filepath",  # noqa: A002 - Gradio's name
        fit_columns: bool = True,
        sources: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in TYPES:
            raise ValueError(f"type must be one of {list(TYPES)}, not {type!r}")
        if object_fit is not None and object_fit not in FITS:
            raise ValueError(f"object_fit must be one of {list(FITS)} or None, not {object_fit!r}")
        sources_list(sources, ("upload", "webcam", "clipboard"), ["upload"])
        super().__init__(value, **kwargs)
        self.format = format
        self.file_types = file_types
        self.columns = columns or 2
        self.height = height
        self.allow_preview = allow_preview
        # Gradio: a selected_index opens the preview too, unless previews are off.
        self.preview = allow_preview and (bool(preview) or selected_index is not None)
        self.selected_index = selected_index
        self.object_fit = object_fit
        self.return_type = type
        self.fit_columns = fit_columns

    def preprocess(self, payload: Any) -> Any:
        if not payload:
            return None
        if not isinstance(payload, list):
            raise fail(f"Expected a list of gallery items, got {payload!r}")
        items = []
        for item in payload:
            media: Any = (item.get("video") or item.get("image")) if isinstance(item, dict) else {}
            path = media.get("path") if is_file_data(media) else None
            if not isinstance(path, str):
                raise fail(f"Expected a gallery item with a file, got {item!r}")
            if not allowed(str(media.get("orig_name") or path), self.file_types):
                raise fail(
                    "Invalid file type. Please upload a file that is one of these formats: "
                    f"{self.file_types}"
                )
            if "image" in item and self.return_type != "filepath":
                who = named(self, "Gallery")
                image = open_image(path, who, self.return_type, None)
                if self.return_type == "numpy":
                    (np,) = require(who, {"numpy": "numpy"}, 'type="filepath"', fail)
                    image = np.array(image)
                items.append((image, item.get("caption")))
            else:
                items.append((path, item.get("caption")))
        return items

    def _one(self, entry: Any) -> dict[str, Any]:
        caption = None
        if isinstance(entry, tuple | list) and len(entry) == 2:
            entry, caption = entry
        kind = kind_of(entry)
        if kind == "numpy":
            entry = array_to_pil(entry, named(self, "Gallery") + " (a numpy array returned)")
        made = encode_pil(entry, self.format) if kind else output_file(entry, "image")
        if made is None:
            raise Error(f"Cannot process type as image: {type(entry).__name__}")
        file = made
        if not file.get("mime_type") and file.get("orig_name"):
            file["mime_type"] = mimetypes.guess_type(str(file["orig_name"]))[0]
        if kind:  # as Gradio: an image Python made has no file name of its own
            file["orig_name"] = None
        media = "video" if _is_video(file) else "image"
        return {media: file, "caption": None if caption is None else str(caption)}

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str | Path):
            raise Error(
                "The value of a Gallery must be a list of images or videos, or a list of "
                "(media, caption) tuples."
            )
        return [self._one(entry) for entry in value]

    def props(self) -> dict[str, Any]:
        return {
            "columns": self.columns,
            "height": css_size(self.height),
            "object_fit": self.object_fit,
            "allow_preview": self.allow_preview,
            "preview": self.preview,
            "selected_index": self.selected_index,
            "fit_columns": self.fit_columns,
        }
