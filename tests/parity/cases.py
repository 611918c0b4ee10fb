"""Which apps the harness runs, and the edge values each input is tried with.

Every app runs its default row (the form as the page first shows it), then each of its
examples, then, for each input, one row per edge value with the other inputs left at
their defaults. Rows run in order in one session, so session and global state carry
over exactly as they would for one user clicking through them.

Edge values are written as Gradio's page sends them (numbers: as typed); payload.py
converts them for lite's page. Standard library only: both venvs import this module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RECORDED = HERE / "recorded"
FILES = HERE / "files"  # the bytes file edge values upload (payload.py)

NON_ASCII = "Grüße, 世界! ¿Qué tal? 🎉"
LONG_TEXT = "lorem ipsum " * 10_000  # 120,000 characters


def apps() -> dict[str, Path]:
    """Every app in examples/, and the harness's own apps, by a stable name."""
    found = {f"examples/{p.parent.name}": p for p in sorted(ROOT.glob("examples/*/app.py"))}
    found.update({f"parity/{p.stem}": p for p in sorted((HERE / "apps").glob("*.py"))})
    return found


def _numbers(props: dict[str, Any]) -> list[tuple[str, str]]:
    """Typed text for a number or slider box."""
    typed = ["", "0", "-0", "3", "3.0", "2.5", "-7", "0.1", "1e3", "1e21", "12345678901234567"]
    typed += ["abc", "1,5"]
    for key in ("minimum", "maximum"):
        bound = props.get(key)
        if isinstance(bound, int | float) and not isinstance(bound, bool):
            step = props.get("step") or 1
            typed += [repr(bound), repr(bound - step if key == "minimum" else bound + step)]
    return [(f"typed {t!r}", t) for t in dict.fromkeys(typed)]


# The files each media input is tried with (tests/parity/files/), as upload markers
# (payload.py turns each into the FileData each page sends). Files of the wrong kind
# are in the tables on purpose: each system must refuse them the same way.
MEDIA = {
    "file": ["notes.txt", "Grüße.md", "blob.bin", "table.csv", "NOTES.TXT", "dot.webp"],
    "image": [
        "pixels.png",
        "clear.png",
        "photo.jpg",
        "blink.gif",
        "dot.webp",
        "shape.svg",
        "notes.txt",
    ],
    "audio": ["tone.wav", "stereo.wav", "byte.wav", "notes.txt"],
    "video": ["clip.mp4", "clip.webm", "notes.txt"],
}


def _files(kind: str, props: dict[str, Any]) -> list[tuple[str, Any]]:
    names = MEDIA[kind]
    if props.get("file_count") in ("multiple", "directory"):
        return [
            ("none", None),
            ("no files", []),
            ("one file", [{"upload": names[0]}]),
            ("two files", [{"upload": n} for n in names[:2]]),
            ("every file", [{"upload": n} for n in names]),
        ]
    return [("none", None)] + [(f"file {n!r}", {"upload": n}) for n in names]


def _said(role: str, text: str) -> dict[str, Any]:
    """One chat message in the form Gradio's page sends it back."""
    return {
        "role": role,
        "metadata": None,
        "content": [{"text": text, "type": "text"}],
        "options": None,
    }


def _frames(props: dict[str, Any]) -> list[tuple[str, Any]]:
    """Tables as Gradio's page sends them: its headers over rows of cells, each cell of
    its column's datatype (the page's number cells hold numbers, its bool cells
    true/false; only text cells hold any text)."""
    value = props.get("value") or {}
    headers = list(value.get("headers") or []) or ["1", "2", "3"]
    datatype = props.get("datatype") or "str"
    kinds = datatype if isinstance(datatype, list) else [datatype] * len(headers)

    def table(*cells: tuple[str, float, bool]) -> dict[str, Any]:
        """One row per (text, number, bool) triple, each cell as its column wants it."""

        def cell(kind: str, triple: tuple[str, float, bool]) -> Any:
            return {"number": triple[1], "bool": triple[2]}.get(kind, triple[0])

        rows = [[cell(kinds[i % len(kinds)], c) for i in range(len(headers))] for c in cells]
        return {"headers": headers, "data": rows, "metadata": None}

    return [
        ("no rows", table()),
        ("two rows", table(("x", 1, True), ("y", 0.5, False))),
        ("non-ASCII", table((NON_ASCII, -7, False))),
        ("empty text", table(("", 0, False))),
        ("numbers as text", table(("3", 3, True))),
        ("big numbers", table(("1e21", 1e21, True), ("0.1", 12345678901234567, False))),
    ]


def _choice_values(props: dict[str, Any]) -> list[Any]:
    return [c[1] for c in props.get("choices") or []]


def edges(kind: str, props: dict[str, Any]) -> list[tuple[str, Any]]:
    """(name, value) pairs for one input. For number and slider the value is the text
    typed; for the rest, the value Gradio's page sends."""
    if kind in ("textbox", "code"):
        return [
            ("empty", ""),
            ("non-ASCII", NON_ASCII),
            ("very long", LONG_TEXT),
            ("lines and spaces", "  first line\nsecond line  "),
            ("markup", "<b>bold</b> & *stars*"),
        ]
    if kind == "colorpicker":
        return [("black", "#000000"), ("white", "#ffffff"), ("orange", "#f97316")]
    if kind == "datetime":
        # Not "now": the two systems would read the clock at different moments.
        typed = ["", "2024-05-01", "2024-05-01 13:45:07", "2024-05-01T13:45", "not a date"]
        return [(f"typed {t!r}", t) for t in typed]
    if kind in ("number", "slider"):
        return _numbers(props)
    if kind == "checkbox":
        return [("true", True), ("false", False)]
    if kind in MEDIA:
        return _files(kind, props)
    if kind == "dataframe":
        return _frames(props)
    if kind == "gallery":  # items as Gradio's page holds them: a file and its caption
        return [
            ("none", None),
            ("no pictures", []),
            ("one picture", [{"image": {"upload": "pixels.png"}, "caption": None}]),
            (
                "two with captions",
                [
                    {"image": {"upload": "photo.jpg"}, "caption": NON_ASCII},
                    {"image": {"upload": "dot.webp"}, "caption": ""},
                ],
            ),
        ]
    if kind == "chatbot":  # messages as Gradio's page holds them (postprocessed)
        return [
            ("no messages", []),
            ("two messages", [_said("user", "Hi"), _said("assistant", "**Hello**")]),
            ("non-ASCII", [_said("user", NON_ASCII)]),
            ("a thought", [{**_said("assistant", "plan"), "metadata": {"title": "Plan"}}]),
            (
                "a file",
                [
                    {
                        **_said("user", ""),
                        "content": [{"file": {"upload": "pixels.png"}, "type": "file"}],
                    }
                ],
            ),
        ]
    if kind == "highlightedtext":
        return [
            ("none", None),
            ("no spans", []),
            (
                "spans",
                [
                    {"token": "The ", "class_or_confidence": None},
                    {"token": "cat", "class_or_confidence": "animal"},
                    {"token": NON_ASCII, "class_or_confidence": 0.5},
                ],
            ),
        ]
    values = _choice_values(props)
    if kind == "checkboxgroup":
        return [
            ("none", []),
            ("first", values[:1]),
            ("all", values),
            ("picked last first", values[::-1]),
        ]
    if kind == "radio":
        return [("none", None)] + [(f"choice {v!r}", v) for v in values[:4]]
    if kind == "dropdown":
        if props.get("multiselect"):
            # Gradio's page stops the user at max_choices; only its preprocess would not.
            most = props.get("max_choices") or len(values)
            rows = [("none", []), ("first", values[:1]), ("picked last first", values[::-1][:most])]
        else:
            rows = [("none", None)] + [(f"choice {v!r}", v) for v in values[:3]]
        if props.get("allow_custom_value"):
            rows += [("custom", NON_ASCII)]
        return rows
    return []
