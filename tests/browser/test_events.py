"""Long and live events in a real page: gr.Progress, streaming generators, gr.Request,
batch and TabbedInterface, with real Chromium, Pyodide and the built wheel."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

LONG = 60_000

PROGRESS = """
import time
import gradio as gr

def slow(steps, progress=gr.Progress()):
    progress(0, desc="Starting")
    time.sleep(0.5)
    for _ in progress.tqdm(range(int(steps)), desc="Working"):
        time.sleep(0.4)
    return f"done {int(steps)}"

gr.Interface(slow, gr.Number(label="Steps", value=5), gr.Textbox(label="Result")).launch()
"""


def test_progress_bar_shows_the_description_while_the_function_sleeps(
    page: Page, app_from_source, open_app
):
    open_app(page, app_from_source(PROGRESS))
    page.get_by_role("button", name="Submit").click()
    bar = page.get_by_role("progressbar")
    expect(bar).to_be_visible(timeout=LONG)
    expect(page.locator(".lite-progress")).to_contain_text("Working", timeout=LONG)
    expect(page.locator(".lite-progress-percent")).to_have_text(re.compile(r"^[1-9]\d*%$"))
    expect(bar).to_have_attribute("aria-valuenow", re.compile(r"^\d+$"))
    expect(page.get_by_label("Result")).to_have_text("done 5", timeout=LONG)
    expect(page.locator(".lite-progress")).to_be_hidden()


STREAM = """
import time
import gradio as gr

def count(n):
    text = ""
    for i in range(int(n)):
        time.sleep(0.25)
        text += str(i)
        yield text

gr.Interface(count, gr.Number(label="N", value=5), gr.Textbox(label="Counted")).launch()
"""

# Every text the output shows, and whether its event was still running at that moment.
WATCH = """
() => {
  const output = document.querySelector("gradio-lite .lite-outputs output");
  const block = output.closest(".lite-pending, [class*=lite-block], div");
  window.seen = [];
  new MutationObserver(() => {
    const busy = output.getAttribute("aria-busy") === "true";
    window.seen.push([output.textContent, busy]);
  }).observe(output, { childList: true, characterData: true, subtree: true });
}
"""


def test_generator_output_changes_at_every_yield_before_the_event_ends(
    page: Page, app_from_source, open_app
):
    open_app(page, app_from_source(STREAM))
    page.evaluate(WATCH)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Counted")).to_have_text("01234", timeout=LONG)
    expect(page.locator("gradio-lite [aria-busy=true]")).to_have_count(0, timeout=LONG)
    seen = page.evaluate("window.seen")
    while_running = {text for text, busy in seen if busy}
    assert {"0", "01", "012"} <= while_running, seen
    assert page.get_by_label("Counted").inner_text() == "01234"  # the last value stays


REQUEST = """
import gradio as gr

def hello(greeting, request: gr.Request):
    name = request.query_params.get("name", "nobody")
    agent = "Chrome" in request.headers["user-agent"]
    return f"{greeting} {name}", f"{request.client.host} {agent} {len(request.session_hash)}"

gr.Interface(hello, gr.Textbox(label="Greeting", value="Hello"),
             [gr.Textbox(label="Greeted"), gr.Textbox(label="Client")]).launch()
"""


def test_query_parameters_reach_gr_request(page: Page, app_from_source, open_app):
    open_app(page, app_from_source(REQUEST) + "?name=Ada")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Greeted")).to_have_text("Hello Ada", timeout=LONG)
    expect(page.get_by_label("Client")).to_have_text("127.0.0.1 True 12")


BATCH = """
import gradio as gr

def trim(words, lengths):
    return [[w[: int(n)] for w, n in zip(words, lengths)]]

gr.Interface(trim, [gr.Textbox(label="Word"), gr.Number(label="Length", value=3)],
             gr.Textbox(label="Trimmed"), batch=True, max_batch_size=8,
             submit_btn="Trim", stop_btn="Halt").launch()
"""


def test_batch_function_answers_each_event(page: Page, app_from_source, open_app):
    open_app(page, app_from_source(BATCH))
    page.get_by_label("Word").fill("lighthouse")
    page.get_by_role("button", name="Trim").click()
    expect(page.get_by_label("Trimmed")).to_have_text("lig", timeout=LONG)
    page.get_by_label("Length").fill("5")
    page.get_by_role("button", name="Trim").click()
    expect(page.get_by_label("Trimmed")).to_have_text("light", timeout=LONG)


TABBED = """
import gradio as gr

def note(text, notes):
    notes = notes + [text]
    return ", ".join(notes), notes

hello = gr.Interface(lambda name: "Hello " + name, gr.Textbox(label="Name"),
                     gr.Textbox(label="Greeting"))
notes = gr.Interface(note, [gr.Textbox(label="Note"), gr.State([])],
                     [gr.Textbox(label="Notes"), "state"])
gr.TabbedInterface([hello, notes], ["Hello", "Notebook"], title="Two apps").launch()
"""


def test_tabbed_interface_runs_each_tab_with_its_own_state(page: Page, app_from_source, open_app):
    open_app(page, app_from_source(TABBED))
    expect(page.get_by_role("heading", name="Two apps")).to_be_visible()
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Greeting")).to_have_text("Hello Ada", timeout=LONG)
    page.get_by_role("tab", name="Notebook").click()
    expect(page.get_by_label("Name")).to_be_hidden()
    for text in ("one", "two"):
        page.get_by_label("Note", exact=True).fill(text)
        page.get_by_role("button", name="Submit").locator("visible=true").click()
        expect(page.get_by_label("Notes")).to_have_text(
            "one" if text == "one" else "one, two", timeout=LONG
        )
    page.get_by_role("tab", name="Hello").click()
    expect(page.get_by_label("Greeting")).to_have_text("Hello Ada")


CACHED = """
import sys
import gradio as gr

calls = []

def shout(text):
    calls.append(text)
    where = "browser" if sys.platform == "emscripten" else "build"
    return f"{text.upper()} from {where} #{len(calls)}"

gr.Interface(shout, gr.Textbox(label="Text"), gr.Textbox(label="Loud"),
             examples=[["a"], ["b"], ["c"]], examples_per_page=2,
             cache_examples=True, cache_mode=MODE).launch()
"""


def example(page: Page, text: str):
    return page.locator(".lite-examples").get_by_role("button", name=text, exact=True)


def test_cached_examples_show_build_time_outputs_and_pages(page: Page, app_from_source, open_app):
    open_app(page, app_from_source(CACHED.replace("MODE", '"eager"')))
    expect(example(page, "c")).to_be_hidden()  # two per page
    example(page, "b").click()
    expect(page.get_by_label("Text")).to_have_value("b")
    expect(page.get_by_label("Loud")).to_have_text("B from build #2")  # no Python call
    page.get_by_role("button", name="2", exact=True).click()
    example(page, "c").click()
    expect(page.get_by_label("Loud")).to_have_text("C from build #3")


def test_lazy_cached_examples_run_once(page: Page, app_from_source, open_app):
    open_app(page, app_from_source(CACHED.replace("MODE", '"lazy"')))
    example(page, "a").click()
    expect(page.get_by_label("Loud")).to_have_text("A from browser #1", timeout=LONG)
    example(page, "b").click()
    expect(page.get_by_label("Loud")).to_have_text("B from browser #2", timeout=LONG)
    example(page, "a").click()
    expect(page.get_by_label("Loud")).to_have_text("A from browser #1")  # from the cache
