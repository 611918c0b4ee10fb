"""Image: an uploaded, dropped or pasted image in; an image shown out.

`type="filepath"` needs nothing but the standard library. "pil" and "numpy" need Pillow
(and numpy): importable on a host, not in the browser unless the app ships their wheels;
without them the event fails with an error that says so and how to fix it."""

from __future__ import annotations

import io
import tempfile
import warnings
from pathlib import Path
from typing import Any

from ..errors import Error
from ..files import upload_path
from .base import Component, fail
from .media import (
    array_to_pil,
    css_size,
    encode_pil,
    kind_of,
    named,
    output_file,
    sources_list,
)
from .packages import optional, require

TYPES = ("numpy", "pil", "filepath")
SOURCES = ("upload", "webcam", "clipboard")
MODES = ("1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F")


def open_image(path: str, who: str, want: str, image_mode: str | None) -> Any:
    """The image at `path` as a PIL image (EXIF-rotated, converted to `image_mode`)."""
    need = {"PIL.Image": "Pillow", "PIL.ImageOps": "Pillow"}
    if want == "numpy":
        need["numpy"] = "numpy"
    pil, ops, *_ = require(f'{who} with type="{want}"', need, 'type="filepath"', fail)
    try:
        # From the bytes, not the file: an animated GIF keeps its source open for its
        # other frames, and a file left open would leak with every event.
        image = pil.open(io.BytesIO(Path(path).read_bytes()))
        image.load()
    except (OSError, ValueError) as exc:
        raise fail(f"{Path(path).name} is not an image this app can read ({exc}).") from None
    if image.getexif().get(274, 1) != 1:  # 274: EXIF orientation; 1 is upright
        image = ops.exif_transpose(image)
    if image_mode is not None and image.format != "GIF":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image = image.convert(image_mode)
    return image


class Image(Component):
    type = "image"
    shortcuts = ("image",)

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",  # noqa: A002 - Gradio's name
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: str | None = "RGB",
        sources: list[str] | str | None = None,
        type: str = "numpy",  # noqa: A002 - Gradio's name
        buttons: list[Any] | None = None,
        streaming: bool = False,
        webcam_options: Any = None,
        placeholder: str | None = None,
        watermark: Any = None,
        alt_text: str | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in TYPES:
            raise ValueError(
                f"Invalid value for parameter `type`: {type}. Please choose from one of: "
                f"{list(TYPES)}"
            )
        if image_mode is not None and image_mode not in MODES:
            raise ValueError(f"image_mode must be one of {list(MODES)} or None, not {image_mode!r}")
        default = ["webcam"] if streaming else list(SOURCES)
        self.sources = sources_list(sources, SOURCES, default)
        if streaming and self.sources != ["webcam"]:
            raise ValueError("Image streaming only available if sources is ['webcam'].")
        super().__init__(value, **kwargs)
        self.format = format
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.return_type = type
        self.placeholder = placeholder
        self.alt_text = alt_text
        # Gradio shows every button when `buttons` is None.
        self.download = buttons is None or "download" in buttons

    def browser_packages(self) -> list[str]:
        return {"pil": ["Pillow"], "numpy": ["Pillow", "numpy"]}.get(self.return_type, [])

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        try:
            path = upload_path(payload)
        except ValueError as exc:
            raise fail(str(exc)) from None
        name = str(payload.get("orig_name") or path)
        who = named(self, "Image")
        if name.lower().endswith(".svg"):
            if self.return_type == "filepath":
                return path
            raise fail("SVG files are not supported as input images for this app.")
        if self.return_type == "filepath":
            return self._filepath(path, name)
        image = open_image(path, who, self.return_type, self.image_mode)
        if self.return_type == "pil":
            return image
        (numpy,) = require(who, {"numpy": "numpy"}, 'type="filepath"', fail)
        return numpy.array(image)

    def _filepath(self, path: str, name: str) -> str:
        """The upload's path; re-saved in `image_mode` when Pillow is here to convert it."""
        if self.image_mode is None or optional("PIL.Image") is None:
            return path
        image = open_image(path, named(self, "Image"), "pil", None)
        if image.mode == self.image_mode:
            return path
        # Beside the other uploads (as Gradio's cache), not among the outputs the worker
        # deletes once sent.
        folder = Path(tempfile.mkdtemp(prefix="lite-image-"))
        if image.format == "GIF":  # as Gradio: every frame kept, in its mode, looping
            with image:
                frames = [frame.copy() for frame in _frames(image)]
            saved = folder / Path(name).name
            frames[0].save(saved, format="GIF", save_all=True, append_images=frames[1:], loop=0)
            return str(saved)
        converted, saved = image.convert(self.image_mode), folder / Path(name).name
        try:
            converted.save(saved, format=image.format or "PNG")
        except (KeyError, OSError, ValueError):  # e.g. RGBA as JPEG: PNG holds any mode
            saved = saved.with_suffix(".png")
            converted.save(saved, format="PNG")
        return str(saved)

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        kind = kind_of(value)
        if kind == "numpy":
            value = array_to_pil(value, named(self, "Image") + " (a numpy array returned)")
            kind = "pil"
        if kind == "pil":
            return encode_pil(value, self.format)
        made = output_file(value, "image")
        if made is None:
            raise Error(
                "Cannot process this value as an Image, it is of type: "
                f"{type(value).__name__}. Return a file path, bytes, a PIL image or a "
                "numpy array."
            )
        return made

    def props(self) -> dict[str, Any]:
        return {
            "height": css_size(self.height),
            "width": css_size(self.width),
            "sources": self.sources,
            "placeholder": self.placeholder,
            "download": self.download,
            "alt_text": self.alt_text,
        }


def _frames(image: Any) -> Any:
    """Each frame of an animated image (Pillow's ImageSequence, imported only here)."""
    (sequence,) = require("Image", {"PIL.ImageSequence": "Pillow"}, 'type="filepath"', fail)
    return sequence.Iterator(image)
