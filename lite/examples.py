"""Examples given as a directory, Gradio's way: a log.csv whose rows are the examples
(as flagging writes it), or, for a one-input app, every file in the folder."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

__all__ = ["examples_from_directory"]


def _folder(path: str) -> Path:
    """Relative to the working directory, as in Gradio; else beside the app's entry file
    (the browser runtime's working directory is not the app's folder)."""
    folder = Path(path)
    if folder.is_dir() or folder.is_absolute():
        return folder
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    if main is not None and (Path(main).parent / path).is_dir():
        return Path(main).parent / path
    return folder


def examples_from_directory(path: str, count: int) -> list[Any]:
    """The rows, as Interface(examples=[...]) takes them (flat values for one input)."""
    folder = _folder(path)
    if not folder.is_dir():
        raise ValueError(f"The examples directory {path!r} does not exist.")
    log = folder / "log.csv"
    if log.is_file():
        with log.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))[1:]  # the first row is the header
        values = [[_value(folder, cell) for cell in row[:count]] for row in rows if row]
        return [row[0] for row in values] if count == 1 else values
    if count != 1:
        raise ValueError(
            f"The examples directory {path!r} needs a log.csv (a header, then one row of "
            f"{count} values per example): the app has {count} inputs."
        )
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return [str(p) for p in files]


def _value(folder: Path, cell: str) -> Any:
    """A cell naming a file in the folder becomes its path; anything else stays text."""
    candidate = folder / cell
    return str(candidate) if cell and candidate.is_file() else cell


async def cache_outputs(runtime: Any, config: dict[str, Any]) -> list[str]:
    """cache_examples=True: run each example once (at build time, on the host) and put
    the page outputs into the config, so a click on a cached example shows them with no
    Python call. Returns warnings for examples that failed (those run on click)."""
    warnings: list[str] = []
    tabs = config.get("tabs") or [{"config": config}]
    for tab, (app, tab_entry) in enumerate(zip(runtime.apps, tabs, strict=False)):
        examples = tab_entry["config"].get("examples")
        if not app.cache_examples or not examples or app.cache_mode == "lazy":
            continue
        outputs: list[Any] = []
        for index, row in enumerate(examples["rows"]):
            result = await runtime.event(index, row, tab=tab)
            if result.get("ok"):
                outputs.append(result["data"])
            else:
                outputs.append(None)
                warnings.append(f"example {index + 1} could not be cached; it runs when clicked")
        examples["outputs"] = outputs
        if tab == 0 and tabs[0]["config"] is not config:
            config["examples"] = examples
    return warnings
