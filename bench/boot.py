"""Figure 1, boot: hello world beside a bare Pyodide page, cold and warm, A/B interleaved."""

from __future__ import annotations

import statistics
from collections.abc import Callable

from playwright.sync_api import Page

from .harness import EXAMPLES, Harness
from .pages import BARE_PAGE, BOOT_RESULT, BOOT_SCRIPT
from .report import Figure, Results

TIMEOUT_MS = 120_000
VISITS = ("cold", "warm")
# What the app page records (marks set by BOOT_SCRIPT) and how the table names it.
APP_MARKS = {
    "ui": "UI shown (Submit exists)",
    "ready": "ready (data-status)",
    "event": "first answered event",
}


def visit(page: Page, url: str) -> dict:
    """Navigate and return the page's own marks (ms since its navigation start)."""
    page.goto(url, wait_until="domcontentloaded", timeout=TIMEOUT_MS)
    result = page.evaluate(BOOT_RESULT, TIMEOUT_MS)
    if result["error"]:
        raise RuntimeError(f"{url} failed to boot: {result['error']}")
    return result


def measure(h: Harness, results: Results, runs: int, log: Callable[[str], None]) -> None:
    app_url = h.site("hello_world", EXAMPLES / "hello_world" / "app.py")
    bare_url = app_url + BARE_PAGE
    samples: dict[str, list[float]] = {}
    steps: dict[str, list[float]] = {}
    for run in range(runs):
        # A then B on even runs, B then A on odd ones: drift hits both sides alike.
        order = [("app", app_url), ("bare", bare_url)]
        for kind, url in order if run % 2 == 0 else order[::-1]:
            context = h.context()
            context.add_init_script(BOOT_SCRIPT)
            page = context.new_page()
            for which in VISITS:  # the warm visit reuses the cold one's profile
                result = visit(page, url)
                marks = result["marks"]
                if kind == "app":
                    for mark in APP_MARKS:
                        samples.setdefault(f"{which}.{mark}", []).append(marks[mark])
                    for t, text in result["steps"] if which == "cold" else []:
                        steps.setdefault(text, []).append(t)
                else:
                    samples.setdefault(f"{which}.bare", []).append(marks["bare"])
                    samples.setdefault(f"{which}.bare-worker", []).append(marks["workerLoad"])
            context.close()
        event, bare = samples["cold.event"][-1], samples["cold.bare"][-1]
        log(f"  boot run {run + 1}/{runs}: cold first event {event:.0f} ms, bare {bare:.0f} ms")

    for which in VISITS:
        bare = f"boot.{which}.bare"
        results.add(
            Figure(bare, f"boot {which}: bare Pyodide ready", "ms", samples[f"{which}.bare"])
        )
        for mark, label in APP_MARKS.items():
            times = samples[f"{which}.{mark}"]
            results.add(Figure(f"boot.{which}.{mark}", f"boot {which}: {label}", "ms", times, bare))
        results.add(
            Figure(
                f"boot.{which}.bare-worker",
                f"boot {which}: bare loadPyodide, inside the worker",
                "ms",
                samples[f"{which}.bare-worker"],
            )
        )
    # Where the app's boot time goes: when each progress line first showed.
    for text, times in sorted(steps.items(), key=lambda item: statistics.median(item[1])):
        results.add(Figure(f"boot.step.{text}", f"boot cold: {text!r} shown", "ms", times))
