"""ColorPicker: a colour as a "#rrggbb" string."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import Component


class ColorPicker(Component):
    type = "colorpicker"
    shortcuts: ClassVar[tuple[str, ...]] = ("colorpicker",)

    # Gradio passes the page's string through as is, and so do we.
    def preprocess(self, payload: Any) -> str | None:
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)
