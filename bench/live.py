"""Figure: long and live events. Stop to the next answered event, on each path
(interrupt buffer in a cross-origin isolated page; worker restart elsewhere), and how
long a gr.Progress update takes from Python's progress() call to the bar in the page."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from lite.server import start

from .harness import Harness
from .report import Figure, Results

Log = Callable[[str], None]
READY_TIMEOUT_MS = 120_000
WARM_UP = 1

STOP_APP = """
import gradio as gr

def run(text):
    if text == "loop":
        while True:
            pass
    return "answered " + text

gr.Interface(run, gr.Textbox(label="Input"), gr.Textbox(label="Output")).launch()
"""

PROGRESS_APP = """
import time
import gradio as gr

def steps(n, progress=gr.Progress()):
    for i in range(int(n)):
        # The description carries Python's wall clock; the page reads it when it shows.
        progress((i + 1) / n, desc=f"{time.time() * 1000:.3f}")
        time.sleep(0.05)
    return "done"

gr.Interface(steps, gr.Number(label="Steps"), gr.Textbox(label="Result")).launch()
"""

# Click Stop, then Submit (the next event queues), and time until its answer shows.
STOP_THEN_ANSWER = """
async ({marker}) => {
  const app = document.querySelector("gradio-lite");
  const output = app.querySelector(".lite-outputs output");
  const stop = [...app.querySelectorAll("button")].find((b) => b.textContent === "Stop");
  const submit = [...app.querySelectorAll("button")].find((b) => b.textContent === "Submit");
  const t0 = performance.now();
  stop.click();
  submit.click();
  await new Promise((resolve) => {
    const check = () => output.textContent.includes(marker) && (observer.disconnect(), resolve());
    const observer = new MutationObserver(check);
    observer.observe(output, { childList: true, characterData: true, subtree: true });
    check();
  });
  return performance.now() - t0;
}
"""

# Record when each progress description appears, on the page's wall clock.
WATCH_PROGRESS = """
() => {
  const text = document.querySelector("gradio-lite .lite-progress-text");
  window.progressSeen = [];
  new MutationObserver(() => {
    window.progressSeen.push([text.textContent, performance.timeOrigin + performance.now()]);
  }).observe(text, { childList: true, characterData: true, subtree: true });
}
"""


def _open(page: Page, url: str) -> None:
    page.goto(url, timeout=READY_TIMEOUT_MS)
    page.wait_for_selector('gradio-lite[data-status="ready"]', timeout=READY_TIMEOUT_MS)


def _stop_samples(page: Page, runs: int) -> list[float]:
    samples = []
    for i in range(WARM_UP + runs):
        page.get_by_label("Input").fill("loop")
        page.get_by_role("button", name="Submit").click()
        page.wait_for_timeout(300)  # the loop runs
        marker = f"ping{i}"
        page.get_by_label("Input").fill(marker)
        took = page.evaluate(STOP_THEN_ANSWER, {"marker": f"answered {marker}"})
        if i >= WARM_UP:
            samples.append(took)
    return samples


def measure(h: Harness, results: Results, runs: int, log: Log) -> None:
    stop_url = h.site_from_source("live-stop", STOP_APP)
    isolated = start(h.sites, isolated=True)
    try:
        for key, label, url in (
            (
                "stop.interrupt",
                "Stop to next answer: interrupt buffer (isolated page)",
                stop_url.replace(h.server.url, isolated.url),
            ),
            ("stop.restart", "Stop to next answer: worker restart (plain page)", stop_url),
        ):
            context = h.context()
            page = context.new_page()
            _open(page, url)
            results.add(Figure(key, label, "ms", _stop_samples(page, runs)))
            context.close()
            log(f"  {key} done")
    finally:
        isolated.shutdown()
        isolated.server_close()

    context = h.context()
    page = context.new_page()
    _open(page, h.site_from_source("live-progress", PROGRESS_APP))
    page.evaluate(WATCH_PROGRESS)
    page.get_by_label("Steps").fill(str(runs * 4))
    page.get_by_role("button", name="Submit").click()
    page.get_by_label("Result").filter(has_text="done").wait_for(timeout=READY_TIMEOUT_MS)
    seen = page.evaluate("window.progressSeen")
    context.close()
    latencies = [shown - float(text) for text, shown in seen if text.replace(".", "").isdigit()]
    results.add(
        Figure(
            "progress.latency",
            "progress() in Python to the bar in the page",
            "ms",
            latencies,
            note="Python's time.time() vs the page's clock (one machine, same wall clock)",
        )
    )
