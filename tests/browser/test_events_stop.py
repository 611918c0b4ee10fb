"""Stop ends a `while True:` loop and the app answers its next event, on both paths:
the interrupt buffer (cross-origin isolated page, session state kept) and ending the
worker (plain page, session state reset and said so)."""

from __future__ import annotations

from collections.abc import Generator

import pytest
from playwright.sync_api import Page, expect

from lite.server import SiteServer, start

LONG = 60_000

LOOP = """
import gradio as gr

def run(text, history):
    history = history + [text]
    if text == "loop":
        while True:
            pass
    return f"{text} after {len(history)}", history

gr.Interface(run, [gr.Textbox(label="Input"), gr.State([])],
             [gr.Textbox(label="Output"), "state"]).launch()
"""


@pytest.fixture(scope="module")
def isolated_server(site_server: SiteServer) -> Generator[SiteServer, None, None]:
    """The same sites, served with COOP/COEP as `lite serve` does."""
    server = start(site_server.root, isolated=True)
    yield server
    server.shutdown()
    server.server_close()


def send(page: Page, text: str) -> None:
    page.get_by_label("Input").fill(text)
    page.get_by_role("button", name="Submit").click()


def stop_the_loop(page: Page) -> None:
    send(page, "a")
    expect(page.get_by_label("Output")).to_have_text("a after 1", timeout=LONG)
    send(page, "loop")
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_be_visible()
    page.wait_for_timeout(500)  # the loop is running now
    stop.click()
    expect(page.locator("gradio-lite [aria-busy=true]")).to_have_count(0, timeout=LONG)
    expect(stop).to_be_hidden()


def test_stop_interrupts_python_and_keeps_session_state(
    page: Page, app_from_source, isolated_server: SiteServer, site_server: SiteServer, open_app
):
    url = app_from_source(LOOP).replace(site_server.url, isolated_server.url)
    open_app(page, url)
    assert page.evaluate("crossOriginIsolated") is True
    stop_the_loop(page)
    send(page, "b")
    # The session kept ["a"]: the stopped event changed nothing.
    expect(page.get_by_label("Output")).to_have_text("b after 2", timeout=LONG)
    expect(page.get_by_text("session state was reset")).to_have_count(0)


def test_stop_restarts_the_worker_where_not_isolated(page: Page, app_from_source, open_app):
    open_app(page, app_from_source(LOOP))
    assert page.evaluate("crossOriginIsolated") is False
    stop_the_loop(page)
    expect(page.get_by_text("this tab's session state was reset")).to_be_visible()
    send(page, "b")
    expect(page.get_by_label("Output")).to_have_text("b after 1", timeout=LONG)


ASYNC_LOOP = """
import asyncio
import gradio as gr

async def run(text, history):
    history = history + [text]
    while text == "loop":
        await asyncio.sleep(0.05)
    return f"{text} after {len(history)}", history

gr.Interface(run, [gr.Textbox(label="Input"), gr.State([])],
             [gr.Textbox(label="Output"), "state"], stop_btn="Stop",
             theme="soft").launch()
"""


def test_stop_cancels_an_async_function_without_a_restart(page: Page, app_from_source, open_app):
    open_app(page, app_from_source(ASYNC_LOOP))
    assert page.evaluate("crossOriginIsolated") is False
    stop_the_loop(page)
    send(page, "b")
    # Cancelled at its await: no restart, so the session kept ["a"].
    expect(page.get_by_label("Output")).to_have_text("b after 2", timeout=LONG)
    expect(page.get_by_text("session state was reset")).to_have_count(0)
    assert page.locator("[data-theme=soft]").count() == 1
