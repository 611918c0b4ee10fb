"""What Image, Audio, Video and Gallery share: turning a function's return value into a
FileData, and Pillow/numpy values (through packages.py, only when an app uses them)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import Error
from ..files import file_data, is_file_data, save_bytes
from .packages import require

# The first bytes of the media formats browsers show, for naming returned bytes.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"BM", ".bmp"),
    (b"ID3", ".mp3"),
    (b"\xff\xfb", ".mp3"),
    (b"OggS", ".ogg"),
    (b"fLaC", ".flac"),
    (b"\x1a\x45\xdf\xa3", ".webm"),
)


def extension(data: bytes) -> str:
    """The file extension `data` looks like, or "" when it is not a format we know."""
    for magic, suffix in _MAGIC:
        if data.startswith(magic):
            return suffix
    if data[:4] == b"RIFF" and data[8:12] in (b"WAVE", b"WEBP"):
        return ".wav" if data[8:12] == b"WAVE" else ".webp"
    if data[4:8] == b"ftyp":
        return ".mp4"
    if data.lstrip()[:5] in (b"<svg ", b"<?xml"):
        return ".svg"
    return ""


def is_url(value: str) -> bool:
    return urlparse(value).scheme in ("http", "https", "data")


def url_data(url: str) -> dict[str, Any]:
    """A FileData the page shows straight from its URL (the worker has no bytes to send)."""
    name = "file" if url.startswith("data:") else Path(urlparse(url).path).name
    return {
        "_type": "file",
        "path": None,
        "url": url,
        "orig_name": name or "file",
        "size": None,
        "mime_type": None,
        "buffer": None,
    }


def output_file(value: Any, stem: str) -> dict[str, Any] | None:
    """A path, URL, bytes or FileData as a FileData; None for any other kind of value.

    Bytes become a file named `stem` plus the extension their first bytes show."""
    if is_file_data(value):
        return dict(value)
    if isinstance(value, bytes | bytearray):
        return file_data(save_bytes(bytes(value), stem + extension(bytes(value))))
    if isinstance(value, str) and is_url(value):
        return url_data(value)
    if isinstance(value, str | Path):
        return file_data(in_app(value))
    return None


def in_app(path: str | Path) -> str | Path:
    """A file inside the app's folder (the working directory) as a path relative to it:
    the page can then show the site's copy of it (an example, an initial value), and a
    build never writes the host's folder into app.json."""
    absolute, here = Path(path), Path.cwd()
    if absolute.is_absolute() and absolute.is_relative_to(here) and here != Path(here.anchor):
        return absolute.relative_to(here)
    return path


def kind_of(value: Any) -> str:
    """ "pil", "numpy" or "" for a value, without importing either package."""
    module = type(value).__module__ or ""
    if module.startswith("PIL.") and hasattr(value, "save"):
        return "pil"
    if module == "numpy" and type(value).__name__ == "ndarray":
        return "numpy"
    return ""


def encode_pil(image: Any, fmt: str, stem: str = "image") -> dict[str, Any]:
    """A PIL image saved as `fmt` (PNG when Pillow cannot write that), as a FileData."""
    buffer = io.BytesIO()
    try:
        image.save(buffer, format=fmt)
    except (KeyError, ValueError, OSError):
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        fmt = "png"
    suffix = ".jpg" if fmt.lower() == "jpeg" else f".{fmt.lower()}"
    return file_data(save_bytes(buffer.getvalue(), stem + suffix))


def array_to_pil(array: Any, who: str) -> Any:
    """A numpy image array (height, width[, channels]) as a PIL image."""
    (pil,) = require(who, {"PIL.Image": "Pillow"}, "a file path as the return value", Error)
    # As Gradio does: floats are 0.0-1.0, other integer types are clipped to 0-255.
    if array.dtype.kind == "f":
        array = (array.clip(0, 1) * 255).round()
    if array.dtype.kind == "b":
        array = array * 255
    if array.dtype.name != "uint8":
        array = array.clip(0, 255).astype("uint8")
    return pil.fromarray(array)


def css_size(value: int | float | str | None) -> str | None:
    """Gradio's height/width: a number is pixels, a string is any CSS length."""
    if value is None:
        return None
    return f"{value}px" if isinstance(value, int | float) else str(value)


def named(component: Any, kind: str) -> str:
    """How errors name a component: `Image "Photo"`."""
    return f'{kind} "{component.label}"' if component.label else kind


def sources_list(sources: Any, allowed: tuple[str, ...], default: list[str]) -> list[str]:
    """Gradio's `sources`: one name or a list of them, checked against `allowed`."""
    chosen = default if sources is None else [sources] if isinstance(sources, str) else sources
    for source in chosen:
        if source not in allowed:
            raise ValueError(f"`sources` must be a list of elements in {list(allowed)}")
    return list(chosen)
