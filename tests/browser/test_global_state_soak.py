"""A bounded soak of global state in Chromium: 4 tabs fire random events at once (the
generator of the hypothesis test, tests/state_ops.py), with reloads and closed tabs
between rounds. The end state must equal one Python process running the same events in
the lock's order, and IndexedDB must hold no more than the data and a bounded history."""

from __future__ import annotations

import json
import random

from playwright.sync_api import BrowserContext, Page
from state_ops import APP, model, random_op

SOAK_APP = (
    APP
    + """
import gradio as gr

gr.Interface(step, gr.Textbox(label="Op"), gr.Textbox(label="Result")).launch()
"""
)

TABS = 4
ROUNDS = 4
EVENTS_PER_ROUND = 40  # 160 events in all

# Fire this tab's events one after another (each waits for the previous answer), and
# keep the promise on window so every tab can be started before any is awaited.
START = """
({ ops }) => {
  const app = document.querySelector("gradio-lite");
  const input = app.querySelector("textarea, input");
  const output = app.querySelector("output");
  const submit = [...app.querySelectorAll("button")].find((b) => b.textContent === "Submit");
  const busy = () => output.getAttribute("aria-busy") === "true";
  const set = (value) => {
    const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), "value");
    own.set.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const answered = () => new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!busy()) { observer.disconnect(); resolve(); }
    });
    observer.observe(output, { attributes: true, attributeFilter: ["aria-busy"] });
    if (!busy()) { observer.disconnect(); resolve(); }
  });
  window.__soak = (async () => {
    const results = [];
    for (const op of ops) {
      set(op);
      submit.click();
      await answered();
      results.push(output.textContent);
    }
    return results;
  })();
}
"""

STORED = """
(async () => {
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open("lite-state");
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const all = (name) => new Promise((ok) => {
    const r = db.transaction([name]).objectStore(name).getAll();
    r.onsuccess = () => ok(r.result);
  });
  const entries = await all("entries");
  const deltas = await all("deltas");
  const quarantine = await all("quarantine");
  db.close();
  return {
    namespaces: [...new Set(entries.map((e) => e.ns))],
    entries: entries.map((e) => [e.key, e.text.length]),
    deltas: deltas.map((d) => [d.key, d.text.length]),
    quarantined: quarantine.length,
  };
})()
"""


def test_four_tabs_of_random_events_end_like_one_process(
    context: BrowserContext, app_from_source, open_app
) -> None:
    url = app_from_source(SOAK_APP)
    rng = random.Random(20261127)
    pages: list[Page] = []
    for _ in range(TABS):
        page = context.new_page()
        open_app(page, url)
        pages.append(page)
    placed: dict[int, str] = {}
    failed = 0
    for round_ in range(ROUNDS):
        dealt: list[list[str]] = [[] for _ in pages]
        for _ in range(EVENTS_PER_ROUND):
            dealt[rng.randrange(len(pages))].append(random_op(rng))
        for page, ops in zip(pages, dealt, strict=True):
            page.evaluate(START, {"ops": ops})
        for page, ops in zip(pages, dealt, strict=True):
            results = page.evaluate("window.__soak")
            previous = None
            for op, text in zip(ops, results, strict=True):
                if text == previous:  # no new answer: only the failing event may do that
                    assert json.loads(op)[0] == "fail", op
                    failed += 1
                    continue
                count, _ = json.loads(text)
                assert count not in placed, (count, op)
                placed[count] = op
                previous = text
        # Between rounds: reload one tab, close another and open a new one.
        pages[round_ % TABS].reload()
        open_app(pages[round_ % TABS], url)
        closing = pages.pop((round_ + 1) % TABS)
        closing.close()
        fresh = context.new_page()
        open_app(fresh, url)
        pages.append(fresh)

    assert sorted(placed) == list(range(1, len(placed) + 1))  # none lost, none twice
    assert len(placed) + failed == ROUNDS * EVENTS_PER_ROUND
    expected = model([placed[i] for i in sorted(placed)])
    for page in pages:
        page.evaluate(START, {"ops": [json.dumps(["read"])]})
        [text] = page.evaluate("window.__soak")
        assert json.loads(text) == [len(placed), expected]

    stored = pages[0].evaluate(STORED)
    assert len(stored["namespaces"]) == 1 and stored["quarantined"] == 0
    exported = json.loads(
        pages[0].evaluate("document.querySelector('gradio-lite').sharedData.export()")
    )
    data = sum(len(json.dumps(v, separators=(",", ":"))) for v in exported["values"].values())
    held = sum(size for _, size in stored["entries"]) + sum(size for _, size in stored["deltas"])
    # Whole values plus operations no bigger than them (compaction), a little slack for
    # the last operations' framing.
    assert held <= 2 * data + 500, (held, data)
    assert len(stored["deltas"]) <= 500 * len(stored["entries"])
