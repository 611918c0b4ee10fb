"""Figures, their summary statistics, the printed table and results.json."""

from __future__ import annotations

import json
import math
import re
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    """One measured quantity: its samples, and optionally the figure it is compared to."""

    key: str
    label: str
    unit: str
    samples: list[float]
    ref: str | None = None
    note: str = ""


@dataclass
class Results:
    meta: dict[str, Any] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    # Figures that could not be measured, with the reason (e.g. "gradio: unavailable: ...").
    unavailable: list[str] = field(default_factory=list)
    # Figures that broke (a harness or product bug): the run exits non-zero.
    failed: list[str] = field(default_factory=list)
    bytes: dict[str, Any] = field(default_factory=dict)
    memory: dict[str, Any] = field(default_factory=dict)

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)

    def get(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile: always one of the samples, no interpolation."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "n": len(samples),
        "median": statistics.median(samples),
        "p95": percentile(samples, 95),
        "min": min(samples),
        "max": max(samples),
    }


def ratio(results: Results, figure: Figure) -> float | None:
    ref = results.get(figure.ref) if figure.ref else None
    if ref is None or not ref.samples or not figure.samples:
        return None
    base = statistics.median(ref.samples)
    return statistics.median(figure.samples) / base if base else None


def to_json(results: Results) -> dict[str, Any]:
    figures = []
    for figure in results.figures:
        entry = asdict(figure)
        entry["samples"] = [round(sample, 3) for sample in figure.samples]
        if figure.samples:
            entry.update(summary(figure.samples))
        entry["ratio"] = ratio(results, figure)
        figures.append(entry)
    return {
        "meta": results.meta,
        "figures": figures,
        "unavailable": results.unavailable,
        "failed": results.failed,
        "bytes": results.bytes,
        "memory": results.memory,
    }


def write(results: Results, path: Path) -> None:
    text = json.dumps(to_json(results), indent=2)
    # One line per list of numbers (the samples), so the file stays readable and diffable.
    text = re.sub(r"\[\s+([-0-9.e,\s]+?)\s+\]", lambda m: "[" + " ".join(m[1].split()) + "]", text)
    path.write_text(text + "\n", "utf-8")


def _num(value: float, unit: str) -> str:
    if unit == "ms" and value >= 1000:
        return f"{value / 1000:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "count":
        return f"{value:.0f}"
    return f"{value:.1f} {unit}"


def _size(n: float) -> str:
    return f"{n / 1e6:.2f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB"


def table(results: Results) -> str:
    """The figures as a fixed-width text table (pasted as is into bench/README.md)."""
    rows = [("figure", "n", "median", "p95", "min-max", "ratio")]
    for figure in results.figures:
        if not figure.samples:
            continue
        s = summary(figure.samples)
        r = ratio(results, figure)
        rows.append(
            (
                figure.label,
                str(s["n"]),
                _num(s["median"], figure.unit),
                _num(s["p95"], figure.unit),
                f"{_num(s['min'], figure.unit)} - {_num(s['max'], figure.unit)}",
                f"{r:.2f}x {_ref_label(results, figure)}" if r is not None else "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines += results.unavailable + [f"FAILED {failure}" for failure in results.failed]
    lines += _bytes_table(results.bytes) + _memory_lines(results.memory)
    return "\n".join(line.rstrip() for line in lines)


def _ref_label(results: Results, figure: Figure) -> str:
    ref = results.get(figure.ref) if figure.ref else None
    return f"of {ref.label}" if ref else ""


def _bytes_table(data: dict[str, Any]) -> list[str]:
    parts = data.get("parts")
    if not parts:
        return []
    rows = [("first load, by part", "files", "raw", "gzip -6", "fetched")]
    for name, part in parts.items():
        rows.append(
            (
                name,
                str(len(part["files"])),
                _size(part["raw"]),
                _size(part["gzip"]),
                _size(part["fetched"]),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["", *("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)]
    lines.insert(2, "  ".join("-" * w for w in widths))
    for note in data.get("notes", []):
        lines.append(note)
    return lines


def _memory_lines(data: dict[str, Any]) -> list[str]:
    if not data:
        return []
    lines = ["", "memory of one app tab (after boot and one event)"]
    for name, value in data.items():
        shown = _size(value) if isinstance(value, int | float) else str(value)
        lines.append(f"  {name}: {shown}")
    return lines
