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

FILE_BYTES = "Bytes returned to a File output"

KNOWN: list[Known] = [
    Known(FILE_BYTES, aspect="outcome", app="parity/files", row="input 1 (file) file "),
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
