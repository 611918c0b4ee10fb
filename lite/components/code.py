"""Code: an editor with syntax highlighting for `language`; text in, text out."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import Component, fail

# Gradio's `gr.Code.languages`: every name it accepts. The page highlights the ones its
# highlighter knows and shows the others as plain text.
LANGUAGES: tuple[str | None, ...] = (
    *(
        "python c cpp markdown latex json html css javascript jinja2 typescript yaml "
        "dockerfile shell r sql sql-msSQL sql-mySQL sql-mariaDB sql-sqlite sql-cassandra "
        "sql-plSQL sql-hive sql-pgSQL sql-gql sql-gpSQL sql-sparkSQL sql-esper"
    ).split(),
    None,
)


class Code(Component):
    type = "code"
    shortcuts: ClassVar[tuple[str, ...]] = ("code",)
    languages: ClassVar[list[str | None]] = list(LANGUAGES)

    def __init__(
        self,
        value: Any = None,
        language: str | None = None,
        *,
        lines: int = 5,
        max_lines: int | None = None,
        wrap_lines: bool = False,
        show_line_numbers: bool = True,
        autocomplete: bool = False,
        buttons: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"Language {language} not supported.")
        super().__init__(value, **kwargs)
        self.language = language
        self.lines = lines
        # Gradio never shows fewer than `lines`, so max_lines is at least that.
        self.max_lines = max(lines, max_lines) if max_lines is not None else None
        self.wrap_lines = wrap_lines
        self.show_line_numbers = show_line_numbers
        self.autocomplete = autocomplete  # no completion engine in the page: accepted
        # Gradio shows both by default; its custom gr.Button entries need Blocks events.
        wanted = ["copy", "download"] if buttons is None else buttons
        self.buttons = [b for b in wanted if b in ("copy", "download")]

    def preprocess(self, payload: Any) -> str | None:
        if payload is None or isinstance(payload, str):
            return payload
        raise fail(f"Expected code as text, got {type(payload).__name__}.")

    def postprocess(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, tuple):
            raise ValueError(
                "Code no longer takes a file as a tuple: read the file and return its text."
            )
        return str(value).strip()

    def props(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "lines": self.lines,
            "max_lines": self.max_lines,
            "wrap_lines": self.wrap_lines,
            "show_line_numbers": self.show_line_numbers,
            "buttons": self.buttons,
        }
