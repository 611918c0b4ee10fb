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
