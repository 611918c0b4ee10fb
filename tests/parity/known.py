"""Differences the harness knows about, each with the reason it must stay (PARITY.md).

A difference matches an entry when every field the entry gives matches; the report
shows the entry's reason, and the tests accept it. Anything else fails."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Known:
    reason: str  # the PARITY.md heading that explains it
    aspect: str | None = None
    component: str | None = None
    app: str | None = None
    row: str | None = None  # a substring of the row's name


UNPARSABLE = "Text that is not a number, typed into a Number"

GRADIO_FAILS = "Values Gradio 6.31 fails to show"
CHAT_COMPONENT = "A component inside a Chatbot message"

KNOWN: list[Known] = [
    Known(CHAT_COMPONENT, aspect="outputs", app="parity/text_outputs", row="example 11"),
    # bytes or a Path returned to gr.File(), a bool array returned to gr.Image(),
    # HighlightedText's own input value returned to it
    Known(GRADIO_FAILS, aspect="outcome", app="parity/files", row="input 1 (file) file "),
    Known(GRADIO_FAILS, aspect="outcome", app="parity/media_out", row="example 6"),
    Known(GRADIO_FAILS, aspect="outcome", app="parity/value_outputs", row="example 4"),
    Known(GRADIO_FAILS, aspect="outcome", app="parity/value_outputs", row="'path object'"),
    Known(GRADIO_FAILS, aspect="outcome", app="parity/chat_inputs", row="(highlightedtext) spans"),
    Known(UNPARSABLE, component="number", row="typed 'abc'"),
    Known(UNPARSABLE, component="number", row="typed '1,5'"),
]


def reason(difference: Any) -> str | None:
    for entry in KNOWN:
        if entry.aspect not in (None, difference.aspect):
            continue
        if entry.component not in (None, difference.component):
            continue
        if entry.app not in (None, difference.app):
            continue
        if entry.row is not None and entry.row not in difference.row:
            continue
        return entry.reason
    return None
