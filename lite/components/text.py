"""Textbox: free text in, text out."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import Component, fail


class Textbox(Component):
    type = "textbox"
    shortcuts: ClassVar[tuple[str, ...]] = ("text", "textbox")
    aliases: ClassVar[tuple[str, ...]] = ("Text",)
    default_value = ""

    def __init__(
        self,
        value: Any = None,
        *,
        type: str = "text",  # noqa: A002 - Gradio's name
        lines: int = 1,
        max_lines: int | None = None,
        placeholder: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if type not in ("text", "password", "email"):
            raise ValueError(f"Textbox type must be 'text', 'password' or 'email', not {type!r}")
        self.input_type = type
        self.lines = lines
        self.max_lines = max_lines
        self.placeholder = placeholder

    def preprocess(self, payload: Any) -> str:
        if payload is None:
            return ""
        if not isinstance(payload, str):
            raise fail(f"Expected text, got {type(payload).__name__}.")
        return payload

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)

    def props(self) -> dict[str, Any]:
        max_lines = self.max_lines if self.max_lines is not None else max(self.lines, 20)
        return {
            "lines": self.lines,
            "max_lines": max_lines,
            "placeholder": self.placeholder,
            "type": self.input_type,
        }


class TextArea(Textbox):
    """Gradio's "textarea" shortcut: a Textbox with seven lines."""

    shortcuts = ("textarea",)

    def __init__(self, value: Any = None, *, lines: int = 7, **kwargs: Any) -> None:
        super().__init__(value, lines=lines, **kwargs)
