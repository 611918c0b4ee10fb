"""Offline: a revisit served by the service worker, beside the first visit; the single
file's size.

Each run opens hello world in a fresh profile (the first visit: from the server, while
the service worker stores the site), waits until the service worker controls the page,
then visits again: everything comes from the service worker's cache. The server stays
up, so the figure is the cache's speed, not a network timeout's."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from lite.single_file import build_single_file

from .boot import TIMEOUT_MS, visit
from .harness import EXAMPLES, Harness
from .pages import BOOT_SCRIPT
from .report import Figure, Results

MARKS = {"ready": "ready (data-status)", "event": "first answered event"}
CONTROLLED = "navigator.serviceWorker.controller !== null"


def measure(h: Harness, results: Results, runs: int, log: Callable[[str], None]) -> None:
    app = EXAMPLES / "hello_world" / "app.py"
    url = h.site("hello_world", app)
    samples: dict[str, list[float]] = {}
    for run in range(runs):
        context = h.context()
        context.add_init_script(BOOT_SCRIPT)
        page = context.new_page()
        first = visit(page, url)["marks"]
        page.wait_for_function(CONTROLLED, timeout=TIMEOUT_MS)
        again = visit(page, url)["marks"]
        if not page.evaluate(CONTROLLED):
            raise RuntimeError("the revisit was not served by the service worker")
        context.close()
        for mark in MARKS:
            samples.setdefault(f"first.{mark}", []).append(first[mark])
            samples.setdefault(f"sw.{mark}", []).append(again[mark])
        log(
            f"  offline run {run + 1}/{runs}: first visit ready {first['ready']:.0f} ms,"
            f" revisit from the service worker {again['ready']:.0f} ms"
        )
    for mark, label in MARKS.items():
        first = f"offline.first.{mark}"
        results.add(Figure(first, f"first visit (service worker installs): {label}", "ms",
                           samples[f"first.{mark}"]))  # fmt: skip
        results.add(
            Figure(
                f"offline.sw.{mark}",
                f"warm revisit served by the service worker: {label}",
                "ms",
                samples[f"sw.{mark}"],
                first,
            )
        )
    with tempfile.TemporaryDirectory(prefix="lite-bench-") as tmp:
        size = build_single_file(app, Path(tmp) / "demo.html")
    results.add(Figure("offline.single_file.mb", "single file (hello world), size", "MB",
                       [size / 1e6]))  # fmt: skip
    results.bytes["single_file"] = size
