"""The benchmark harness still runs end to end against real built sites, so it can't rot.

Tiny counts, no Gradio (it would need an install), and no timing assertions: only that
every figure was measured and holds sensible numbers.
"""

from __future__ import annotations

from bench.run import Options, run_all

# Figures that are not durations: a time difference between two tabs (may be negative)
# and a count that must be zero.
# Figures that can be zero or below: cross-tab times compare two pages' clocks
# (timeOrigin + now), which can differ by a few ms, about the size of the figure itself.
NOT_POSITIVE = {
    "crosstab.notice",
    "crosstab.after-answer",
    "contention.lost",
    "contention.warm.lost",
}


def test_every_figure_is_measured(playwright, tmp_path):
    options = Options(
        boot_runs=1,
        events=3,
        gradio=False,
        crosstab_events=2,
        tabs=2,
        tab_events=3,
        contention_runs=1,
        scaling_sizes=[10, 100],
        scaling_events=1,
        testkit_runs=1,
    )
    results = run_all(playwright, options, lambda line: None, out=tmp_path)

    assert results.failed == []
    assert not [note for note in results.unavailable if not note.startswith("gradio:")]
    keys = {figure.key for figure in results.figures}
    for which in ("cold", "warm"):
        for mark in ("ui", "ready", "event", "bare"):
            assert f"boot.{which}.{mark}" in keys
    for app in ("hello_world", "message_store", "score_tracker"):
        assert f"event.{app}.lite" in keys
    for size in (10, 100):
        assert {f"scaling.append.{size}", f"scaling.touch.{size}"} <= keys
    assert {"crosstab.notice", "contention.rate", "contention.lost"} <= keys
    assert {"contention.warm.rate", "contention.warm.lost"} <= keys
    for mark in ("ready", "event"):
        assert {f"bigfile.cold.{mark}.plain", f"bigfile.cold.{mark}.big"} <= keys
    assert {"testkit.chromium", "testkit.node", "testkit.node.predict"} <= keys

    for figure in results.figures:
        assert figure.samples, figure.key
        if figure.key not in NOT_POSITIVE:
            assert all(sample > 0 for sample in figure.samples), figure
    assert results.get("contention.lost").samples == [0]
    assert results.get("contention.warm.lost").samples == [0]
    assert len(results.get("event.hello_world.lite").samples) == 3

    parts = results.bytes["parts"]
    for part in ("Pyodide core", "our JS/CSS", "our wheel", "the app"):
        assert parts[part]["raw"] > 0 and parts[part]["gzip"] > 0
    for part in ("Pyodide core", "Pyodide snapshot", "our JS/CSS", "the app"):
        assert parts[part]["fetched"] > 0
    assert results.memory["page JS heap used"] > 0
    assert results.memory["worker wasm memory"] > 0
