"""Compare a Gradio recording with lite's answers, row by row.

A row is identical when the function received the same values (type and repr), the
event ended the same way (ok, refused input, the function's exception type, an output
error), gr.Error's message matches, and the outputs the page gets are equal."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cases
import known
import lite_side

ASPECTS = ("received", "outcome", "message", "outputs")


@dataclass
class Difference:
    app: str
    row: str
    aspect: str
    gradio: Any
    lite: Any
    component: str  # the input (or output) type it is about, for the report

    @property
    def reason(self) -> str | None:
        return known.reason(self)

    def show(self) -> str:
        def short(value: Any) -> str:
            text = json.dumps(value, ensure_ascii=False)
            return text if len(text) < 160 else text[:157] + "..."

        return (
            f"{self.app} | {self.row} | {self.aspect}\n"
            f"    gradio: {short(self.gradio)}\n    lite:   {short(self.lite)}"
        )


def recordings() -> dict[str, dict[str, Any]]:
    found = {}
    for path in sorted(cases.RECORDED.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[data["app"]] = data
    return found


def _component(recorded: dict[str, Any], row: dict[str, Any], aspect: str) -> str:
    if row.get("kind") == "edge":
        return str(recorded["inputs"][row["index"]]["kind"])
    if aspect == "outputs":
        return "+".join(recorded.get("outputs") or []) or "none"
    return "app"


def compare_app(name: str, recorded: dict[str, Any]) -> tuple[int, list[Difference]]:
    """(rows compared, differences) for one app; the app-level checks (api_name, what
    Clear shows in the outputs) count as one row."""
    path = cases.apps()[name]
    ours = lite_side.run_app(Path(path), recorded)
    found: list[Difference] = []
    if recorded.get("load_error") or ours.get("load_error"):
        same = recorded.get("load_error") == ours.get("load_error")
        if not same:
            found.append(
                Difference(
                    name,
                    "load",
                    "load",
                    recorded.get("load_error"),
                    f"{ours.get('load_error')}: {ours.get('load_message')}",
                    "app",
                )
            )
        return 1, found
    if recorded["api_name"] != ours["api_name"]:
        found.append(
            Difference(name, "app", "api_name", recorded["api_name"], ours["api_name"], "app")
        )
    if recorded["cleared_outputs"] != ours["cleared_outputs"]:
        gradio, lite = recorded["cleared_outputs"], ours["cleared_outputs"]
        kinds = "+".join(recorded.get("outputs") or [])
        found.append(Difference(name, "app", "cleared_outputs", gradio, lite, kinds))
    for row, answer in zip(recorded["rows"], ours["rows"], strict=True):
        for aspect in ASPECTS:
            theirs, mine = row.get(aspect), answer.get(aspect)
            if aspect == "outcome" and answer["outcome"] == "missing":
                theirs, mine = "a row", "no such row"
            if theirs != mine:
                found.append(
                    Difference(
                        name, row["name"], aspect, theirs, mine, _component(recorded, row, aspect)
                    )
                )
                if aspect == "outcome":
                    break  # the rest follows from it
    return 1 + len(recorded["rows"]), found
