"""Dataframe render time: how long the page's main thread takes to show a table the
function returned, from the worker's message arriving to the grid drawn, and the next
frame painted. Only the rows in view are drawn, so the figure should barely grow with
the row count.

    .venv/bin/python -m bench.dataframe [--runs 9] [--sizes 1000,10000,100000]

Times are taken inside the page (performance.now()): a listener added when the page
creates its worker stamps each message as it arrives (before the app's own listener
reads it, so the structured-clone copy is inside the figure); a MutationObserver sees
the grid's aria-rowcount change; two animation frames later is "painted".
"""

from __future__ import annotations

import argparse
import statistics

from playwright.sync_api import sync_playwright

from .harness import OUT, Harness

APP = """
import gradio as gr

def rows(n):
    return [[i, f"row {i}", i * 0.5, i % 2 == 0] for i in range(int(n))]

demo = gr.Interface(
    rows,
    gr.Number(10, label="n"),
    gr.Dataframe(label="Table", headers=["i", "name", "half", "even"]),
)
demo.launch()
"""

# Every message from the page's worker is stamped as it arrives.
STAMP_WORKER = """
window.__arrived = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", () => window.__arrived.push(performance.now()));
  }
};
"""

# One event: returns [click, arrived, drawn, painted] times and the longest task (ms).
RUN = """async (n) => {
  const grid = document.querySelector("table[role=grid]");
  const box = [...document.querySelectorAll("gradio-lite input")].find((el) => el.id &&
    document.querySelector(`label[for="${el.id}"]`)?.textContent === "n");
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: "longtask" });
  const drawn = new Promise((resolve) => {
    new MutationObserver((_, self) => {
      if (grid.getAttribute("aria-rowcount") !== String(n + 1)) return;
      self.disconnect();
      resolve(performance.now());
    }).observe(grid, { attributes: true, attributeFilter: ["aria-rowcount"] });
  });
  box.value = String(n);
  box.dispatchEvent(new Event("input", { bubbles: true }));
  const click = performance.now();
  const buttons = [...document.querySelectorAll("gradio-lite button")];
  buttons.find((b) => b.textContent === "Submit").click();
  const drawnAt = await drawn;
  const arrived = window.__arrived.filter((t) => t <= drawnAt).at(-1);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const painted = performance.now();
  await new Promise((r) => setTimeout(r, 100));  // let the long-task entries land
  observer.disconnect();
  return [click, arrived, drawnAt, painted, longest];
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with sync_playwright() as playwright:
        harness = Harness(playwright, OUT / "dataframe")
        try:
            page = harness.context().new_page()
            page.add_init_script(STAMP_WORKER)
            page.goto(harness.site_from_source("dataframe", APP))
            page.wait_for_selector('gradio-lite[data-status="ready"]', timeout=120_000)
            print("   rows  message->drawn  message->painted  click->painted  longest task (ms)")
            for n in sizes:
                # n and n + 1 alternate, so every run changes the row count it waits for.
                samples = [page.evaluate(RUN, n + i % 2) for i in range(args.runs)]
                drawn = statistics.median(s[2] - s[1] for s in samples)
                painted = statistics.median(s[3] - s[1] for s in samples)
                total = statistics.median(s[3] - s[0] for s in samples)
                longest = max(s[4] for s in samples)
                figures = f"{drawn:>14.1f}  {painted:>16.1f}  {total:>14.1f}  {longest:>12.0f}"
                print(f"{n:>7,}  {figures}")
            print(f"(medians of {args.runs} runs; longest task is the maximum over them)")
        finally:
            harness.close()


if __name__ == "__main__":
    main()
