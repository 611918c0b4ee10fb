"""One tab never stalls the others: a tab whose event waits for the shared-data lock
says so within a second and can stop the holder; the holder is told it blocks others;
once the holder stops, the waiting tab goes on, and no shared write is lost or half-made."""

from __future__ import annotations

import time
from collections.abc import Generator

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from lite.server import SiteServer, start

LONG = 60_000

COUNTER = """
import gradio as gr

count = 0
entries = []

def add(text):
    global count
    count += 1
    entries.append(text)
    if text == "loop":
        while True:
            pass
    return count, len(entries)

gr.Interface(add, gr.Textbox(label="Input"),
             [gr.Number(label="Count"), gr.Number(label="Entries")]).launch()
"""


@pytest.fixture(scope="module")
def isolated_server(site_server: SiteServer) -> Generator[SiteServer, None, None]:
    server = start(site_server.root, isolated=True)
    yield server
    server.shutdown()
    server.server_close()


def send(page: Page, text: str) -> None:
    page.bring_to_front()
    page.get_by_label("Input").fill(text)
    page.get_by_role("button", name="Submit").click()


@pytest.mark.parametrize("isolated", [False, True], ids=["restart", "interrupt"])
def test_a_stuck_tab_is_named_and_stopped_by_the_waiting_tab(
    isolated: bool,
    context: BrowserContext,
    app_from_source,
    site_server: SiteServer,
    isolated_server: SiteServer,
    open_app,
):
    url = app_from_source(COUNTER, state_key=f"stall-{isolated}")
    if isolated:
        url = url.replace(site_server.url, isolated_server.url)
    tab_a, tab_b = context.new_page(), context.new_page()
    open_app(tab_a, url)
    open_app(tab_b, url)
    send(tab_a, "first")
    expect(tab_a.get_by_label("Count")).to_have_text("1", timeout=LONG)
    send(tab_a, "loop")
    tab_a.wait_for_timeout(500)  # A's event holds the lock and spins

    send(tab_b, "second")
    started = time.monotonic()
    waiting = tab_b.get_by_text("Waiting for another tab of this app")
    expect(waiting).to_be_visible(timeout=5_000)
    assert time.monotonic() - started < 1.5  # within 1 s, plus the test's own overhead

    # The holder is told it keeps others waiting (after a few seconds).
    expect(tab_a.get_by_text("keeping another tab of this app waiting")).to_be_visible(
        timeout=10_000
    )

    tab_b.get_by_role("button", name="Stop the other tab's event").click()
    stopped_at = time.monotonic()
    expect(tab_b.get_by_label("Count")).to_have_text("2", timeout=5_000)
    assert time.monotonic() - stopped_at < 5
    # The stopped event's writes were rolled back as a whole: count and entries agree.
    expect(tab_b.get_by_label("Entries")).to_have_text("2")
    expect(waiting).to_be_hidden()

    # Tab A answers again, and sees B's write.
    send(tab_a, "third")
    expect(tab_a.get_by_label("Count")).to_have_text("3", timeout=LONG)
    expect(tab_a.get_by_label("Entries")).to_have_text("3")


def test_closing_the_stuck_tab_lets_the_waiting_tab_go_on(
    context: BrowserContext, app_from_source, open_app
):
    url = app_from_source(COUNTER, state_key="stall-close")
    tab_a, tab_b = context.new_page(), context.new_page()
    open_app(tab_a, url)
    open_app(tab_b, url)
    send(tab_a, "loop")
    tab_a.wait_for_timeout(500)
    send(tab_b, "second")
    expect(tab_b.get_by_text("Waiting for another tab of this app")).to_be_visible(timeout=5_000)
    tab_a.close()
    expect(tab_b.get_by_label("Count")).to_have_text("1", timeout=5_000)
    expect(tab_b.get_by_label("Entries")).to_have_text("1")


def test_a_waiting_event_stopped_by_its_own_tab_leaves_no_lock_behind(
    context: BrowserContext, app_from_source, open_app
):
    url = app_from_source(COUNTER, state_key="stall-own-stop")
    tab_a, tab_b = context.new_page(), context.new_page()
    open_app(tab_a, url)
    open_app(tab_b, url)
    send(tab_a, "loop")
    tab_a.wait_for_timeout(500)
    send(tab_b, "second")
    expect(tab_b.get_by_text("Waiting for another tab of this app")).to_be_visible(timeout=5_000)
    # B gives up waiting (its own Stop), then A's loop is stopped in A.
    tab_b.get_by_role("button", name="Stop", exact=True).click()
    expect(tab_b.locator("gradio-lite [aria-busy=true]")).to_have_count(0, timeout=LONG)
    expect(tab_b.get_by_text("session state was reset")).to_have_count(0)  # cancelled, no restart
    tab_a.bring_to_front()
    tab_a.get_by_role("button", name="Stop", exact=True).click()
    expect(tab_a.locator("gradio-lite [aria-busy=true]")).to_have_count(0, timeout=LONG)
    # The lock B's cancelled wait was granted later is let go: both tabs still answer.
    send(tab_b, "third")
    expect(tab_b.get_by_label("Count")).to_have_text("1", timeout=10_000)
    send(tab_a, "fourth")
    expect(tab_a.get_by_label("Count")).to_have_text("2", timeout=LONG)


CRASHING = """
import gradio as gr

count = 0

def add(text):
    global count
    count += 1
    if text == "crash":
        import pyodide_js
        # What a wasm fault does: Python dies mid-event, here holding the lock.
        pyodide_js._api.fatal_error(RuntimeError("simulated crash"))
    return count

gr.Interface(add, gr.Textbox(label="Input"), gr.Number(label="Count")).launch()
"""


def test_a_crashed_holder_is_replaced_when_the_waiting_tab_asks(
    context: BrowserContext, app_from_source, open_app
):
    url = app_from_source(CRASHING, state_key="stall-crash")
    tab_a, tab_b = context.new_page(), context.new_page()
    open_app(tab_a, url)
    open_app(tab_b, url)
    send(tab_a, "crash")
    tab_a.wait_for_timeout(500)  # A's Python is dead, and its worker still holds the lock
    send(tab_b, "second")
    expect(tab_b.get_by_text("Waiting for another tab of this app")).to_be_visible(timeout=5_000)
    tab_b.get_by_role("button", name="Stop the other tab's event").click()
    # A's page ends the dead worker (releasing the lock) and starts a fresh one.
    expect(tab_b.get_by_label("Count")).to_have_text("1", timeout=5_000)
    expect(tab_a.get_by_text("this tab's session state was reset")).to_be_visible()
    send(tab_a, "third")
    expect(tab_a.get_by_label("Count")).to_have_text("2", timeout=LONG)
