"""Figures 3 and 4, global state: the cross-tab notice, four tabs contending for one
counter, and the cost of an event as the shared data grows."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import ElementHandle, Page

from .harness import EXAMPLES, Harness
from .pages import BURST_RESULT, LISTEN_NOTICES, NEXT_NOTICE, NOTICE_COUNT, RUN_EVENTS, START_BURST
from .report import Figure, Results

READY = 'gradio-lite[data-status="ready"]'
TIMEOUT_MS = 120_000
Log = Callable[[str], None]

COUNTER = """
import gradio as gr

count = 0

def add(who):
    global count
    count += 1
    return count

gr.Interface(add, gr.Textbox(label="Who"), gr.Number(label="Count")).launch()
"""

# One event function reaching both names, so every event has `data` in reach; only
# "append" changes it. If the cost followed what changed, "touch" stays flat as N grows.
SCALING = """
import gradio as gr

data = list(range({size}))
counter = 0

def change(op):
    global counter
    if op == "append":
        data.append(len(data))
    else:
        counter += 1
    return f"{{op}} {{len(data)}} {{counter}}"

gr.Interface(change, gr.Textbox(label="Op"), gr.Textbox(label="Result")).launch()
"""


def open_app(page: Page, url: str | None = None) -> dict[str, ElementHandle]:
    """Navigate (unless already on the way), wait for ready; the apps here have one input."""
    if url is not None:
        page.goto(url, timeout=TIMEOUT_MS)
    page.wait_for_selector(READY, timeout=TIMEOUT_MS)
    return {
        "input": page.locator("gradio-lite form :is(input, textarea)").first.element_handle(),
        "output": page.locator("gradio-lite output").first.element_handle(),
        "submit": page.locator("gradio-lite [type=submit]").element_handle(),
    }


def run(page: Page, handles: dict[str, ElementHandle], values: list[str | None]) -> list[float]:
    """Events one after another; returns each one's click -> answer time."""
    times = page.evaluate(
        RUN_EVENTS,
        {**handles, "values": values, "expect": [None] * len(values), "timeoutMs": TIMEOUT_MS},
    )
    return [end - start for start, end in zip(times["start"], times["end"], strict=True)]


def cross_tab(h: Harness, results: Results, n: int, log: Log) -> None:
    """Tab A commits a score; how long until tab B hears of it (absolute times)."""
    url = h.site("score_tracker", EXAMPLES / "score_tracker" / "app.py")
    context = h.context()
    tab_a, tab_b = context.new_page(), context.new_page()
    a, _ = open_app(tab_a, url), open_app(tab_b, url)
    tab_b.evaluate(LISTEN_NOTICES)
    run(tab_a, a, ["1", "2", "3"])  # warm-up
    to_notice: list[float] = []
    answered_to_notice: list[float] = []
    for i in range(n):
        seen = tab_b.evaluate(NOTICE_COUNT)
        times = tab_a.evaluate(
            RUN_EVENTS,
            {**a, "values": [str(100 + i)], "expect": [None], "timeoutMs": TIMEOUT_MS},
        )
        notice = tab_b.evaluate(NEXT_NOTICE, [seen, TIMEOUT_MS])
        to_notice.append(notice - times["start"][0])
        answered_to_notice.append(notice - times["end"][0])
    context.close()
    results.add(Figure("crosstab.notice", "cross-tab: click in A -> notice in B", "ms", to_notice))
    results.add(
        Figure(
            "crosstab.after-answer",
            "cross-tab: A's answer shown -> notice in B",
            "ms",
            answered_to_notice,
            note="negative when B hears before A has drawn its own answer",
        )
    )
    log("  cross-tab notice: done")


def contention(h: Harness, results: Results, tabs: int, per_tab: int, runs: int, log: Log) -> None:
    """`tabs` tabs fire `per_tab` clicks each at once on one shared counter, twice.

    The first burst comes right after boot, while V8 is still compiling Pyodide's hot
    code (its wasm tiers up as it runs; most of the CPU then goes to the compiler, which
    `--js-flags=--no-wasm-dynamic-tiering` shows); the second is the same tabs, warm.
    Each run opens fresh tabs in a fresh context."""
    url = h.site_from_source("counter", COUNTER)
    rates: dict[str, list[float]] = {"cold": [], "warm": []}
    lost: dict[str, list[float]] = {"cold": [], "warm": []}
    for _ in range(runs):
        context = h.context()
        pages = [context.new_page() for _ in range(tabs)]
        for page in pages:  # all tabs boot at once; only their readiness is awaited here
            page.goto(url, timeout=TIMEOUT_MS)
        handles = [open_app(page) for page in pages]
        run(pages[0], handles[0], ["warm-up"])
        count = 1  # the warm-up event counted too
        for which in ("cold", "warm"):
            for page, hs in zip(pages, handles, strict=True):
                page.evaluate(START_BURST, {**hs, "n": per_tab, "timeoutMs": TIMEOUT_MS})
            bursts = [page.evaluate(BURST_RESULT) for page in pages]
            seconds = (max(b["end"] for b in bursts) - min(b["start"] for b in bursts)) / 1000
            count += tabs * per_tab
            rates[which].append(tabs * per_tab / seconds)
            lost[which].append(count - max(float(b["value"] or 0) for b in bursts))
        context.close()
    label = f"{tabs} tabs x {per_tab} events"
    when = {"cold": "right after boot", "warm": "warm"}
    for which in ("cold", "warm"):
        key = "contention" if which == "cold" else "contention.warm"
        results.add(
            Figure(f"{key}.rate", f"{label}, {when[which]}: events/s", "ev/s", rates[which])
        )
        results.add(
            Figure(f"{key}.lost", f"{label}, {when[which]}: lost updates", "count", lost[which])
        )
    log(f"  contention: {rates}, lost {lost}")


def scaling(h: Harness, results: Results, sizes: list[int], n: int, log: Log) -> None:
    """Per size: `n` appends and `n` touches, alternating, after a warm-up of each."""
    for size in sizes:
        url = h.site_from_source(f"scaling-{size}", SCALING.format(size=size))
        context = h.context()
        page = context.new_page()
        handles = open_app(page, url)
        run(page, handles, ["append", "touch"])
        cost: dict[str, list[float]] = {"append": [], "touch": []}
        for _ in range(n):
            for op in cost:
                cost[op] += run(page, handles, [op])
        context.close()
        for op, samples in cost.items():
            ref = f"scaling.{op}.{sizes[0]}" if size != sizes[0] else None
            label = f"global event, {size:,} items: {op}"
            results.add(Figure(f"scaling.{op}.{size}", label, "ms", samples, ref))
        log(f"  scaling {size}: done")
