"""Testing kit: one predict-level test of the score tracker with engine="node" against the
same test in Chromium, as the lite_app fixture runs each. A test starts the app, runs
three predicts and reads the shared data back.

Chromium: every test opens the app in a fresh browser profile (the page boots Python).
Node: the session boots Python once per app, and each test runs the app again in it."""

from __future__ import annotations

import time
from collections.abc import Callable

from lite.testing.node import NodeApp
from lite.testing.page import LitePage

from .harness import EXAMPLES, Harness
from .report import Figure, Results

Log = Callable[[str], None]
SCORES = [5, 7, 6]
EXPECTED = {"scores": [5.0, 7.0, 6.0]}


def _run(app: LitePage | NodeApp) -> float:
    """The test's body after the app is up: ms per predict."""
    t0 = time.perf_counter()
    for score in SCORES:
        app.predict(score)
    per_predict = (time.perf_counter() - t0) * 1000 / len(SCORES)
    assert app.shared_state() == EXPECTED
    return per_predict


def _chromium_test(harness: Harness, url: str) -> tuple[float, float]:
    context = harness.context()
    try:
        t0 = time.perf_counter()
        per_predict = _run(LitePage(context.new_page(), url).open())
        return (time.perf_counter() - t0) * 1000, per_predict
    finally:
        context.close()


def _node_test(app: NodeApp) -> tuple[float, float]:
    t0 = time.perf_counter()
    app.restart()
    per_predict = _run(app)
    return (time.perf_counter() - t0) * 1000, per_predict


def measure(harness: Harness, results: Results, runs: int, log: Log) -> None:
    url = harness.site("score_tracker", EXAMPLES / "score_tracker" / "app.py")
    t0 = time.perf_counter()
    node = NodeApp(harness.sites / "score_tracker")
    first = (time.perf_counter() - t0) * 1000
    samples: dict[str, list[float]] = {k: [] for k in ("chromium", "node", "chromium1", "node1")}
    try:
        for i in range(runs + 1):  # the first run of each warms caches and is dropped
            chromium_ms, chromium_predict = _chromium_test(harness, url)
            node_ms, node_predict = _node_test(node)
            if i == 0:
                continue
            samples["chromium"].append(chromium_ms)
            samples["chromium1"].append(chromium_predict)
            samples["node"].append(node_ms)
            samples["node1"].append(node_predict)
            log(f"  run {i}: chromium {chromium_ms:.0f} ms, node {node_ms:.0f} ms")
    finally:
        node.close()
    test = "testkit: a predict-level test"
    results.add(Figure("testkit.chromium", f"{test}, Chromium", "ms", samples["chromium"]))
    results.add(Figure("testkit.node", f"{test}, Node", "ms", samples["node"], "testkit.chromium"))
    results.add(
        Figure("testkit.node.first", "testkit: Node boots Python (once per app)", "ms", [first])
    )
    one = "testkit: one predict"
    results.add(Figure("testkit.chromium.predict", f"{one}, Chromium", "ms", samples["chromium1"]))
    results.add(
        Figure(
            "testkit.node.predict",
            f"{one}, Node",
            "ms",
            samples["node1"],
            "testkit.chromium.predict",
        )
    )
