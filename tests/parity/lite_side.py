"""lite's side: the same app and rows through lite's runtime on host Python.

Events go through `Runtime.event`, the entry the browser worker calls, with each input
in the form lite's page sends it (payload.py). Rows come from a Gradio recording, so no
Gradio server is needed here."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

import payload
import record

from lite import interface
from lite.runtime import Runtime


def load(path: Path, calls: record.Calls) -> Runtime:
    """Load the app with its Interface's fn recorded, as gradio_side.load does."""
    original_init = interface.Interface.__init__

    def init(self: interface.Interface, fn: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, record.recording(fn, calls), *args, **kwargs)

    interface.Interface.__init__ = init  # type: ignore[method-assign]
    try:
        runtime = Runtime(path.parent, path.name)
        runtime.load()
    finally:
        interface.Interface.__init__ = original_init  # type: ignore[method-assign]
    return runtime


def _rows(recorded: dict[str, Any], config: dict[str, Any]) -> list[list[Any] | None]:
    """lite's page data for each recorded row; None where lite has no such row."""
    inputs = config["inputs"]
    # Gradio's rows hold a value for every input; lite's page has no State inputs.
    page = [i for i, c in enumerate(recorded["inputs"]) if c["kind"] != "state"]
    default = [payload.lite_initial(c) for c in inputs]
    examples = (config.get("examples") or {}).get("rows") or []
    rows: list[list[Any] | None] = []
    for row in recorded["rows"]:
        if row["kind"] == "default":
            rows.append(default)
        elif row["kind"] == "clear":
            rows.append([payload.lite_page(c, payload.lite_cleared(c)) for c in inputs])
        elif row["kind"] == "example":
            number = int(row["name"].split()[-1])
            found = number <= len(examples)
            rows.append(payload.lite_example(inputs, examples, number) if found else None)
        else:
            at = page.index(row["index"])
            value = payload.unpack(row["value"])
            data = list(default)
            data[at] = value if row["typed"] else payload.lite_page(inputs[at], value)
            rows.append(data)
    return rows


async def _run(
    runtime: Runtime, calls: record.Calls, rows: list[Any], rows_kinds: list[str]
) -> list[dict[str, Any]]:
    answers = []
    for number, data in enumerate(rows, 1):
        if data is None:
            answers.append({"outcome": "missing", "received": None, "outputs": None})
            continue
        calls.reset()
        if rows_kinds[number - 1] == "clear":
            runtime.clear()  # the page's Clear resets session state, as Gradio's does
        result = await runtime.event(number, data)
        error = result["error"]
        answers.append(
            {
                "received": calls.received,
                "outcome": record.outcome(calls, result["ok"]),
                # gr.Error's message, when the function raised it (as gradio_side records).
                "message": error["message"] if error and calls.raised == "Error" else None,
                "outputs": payload.pack(payload.files_by_name(payload.js_value(result["data"])))
                if result["ok"]
                else None,
            }
        )
    return answers


def run_app(path: Path, recorded: dict[str, Any]) -> dict[str, Any]:
    """lite's answers to the rows of one Gradio recording, in the same shape. Runs a copy
    of the app's folder, from inside it (as the browser worker does), so the files it
    reads are there and the files it writes land in the copy."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "app"
        shutil.copytree(path.parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
        with contextlib.chdir(copy):
            return _run_app(copy / path.name, recorded)


def _run_app(path: Path, recorded: dict[str, Any]) -> dict[str, Any]:
    calls = record.Calls()
    try:
        runtime = load(path, calls)
    except Exception as exc:
        return {"load_error": type(exc).__name__, "load_message": str(exc)}
    config = runtime.config()
    answer: dict[str, Any] = {
        "load_error": None,
        "api_name": config["api_name"],
        "inputs": [c["type"] for c in config["inputs"]],
        "outputs": [c["type"] for c in config["outputs"]],
        "cleared_outputs": payload.pack([payload.lite_cleared(c) for c in config["outputs"]]),
    }
    if recorded.get("load_error"):
        return answer
    kinds = [row["kind"] for row in recorded["rows"]]
    answer["rows"] = asyncio.run(_run(runtime, calls, _rows(recorded, config), kinds))
    return answer
