"""Big app files do not slow the boot: they load after the app is ready, and an event
that reads one waits for it (web/src/lazy.ts, lazy_files in app.json)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BOOT_TIMEOUT_MS, READY
from playwright.sync_api import BrowserContext, Page, expect

SIZE = 50 * 1024 * 1024
# The boot time with and without the file is a bench figure (bench/bigfile.py, WAVE.md:
# the ratio belongs in bench/); this file checks what makes it so: the file is not
# requested before the app is ready, and an event that reads it waits for it.
APP = """
import hashlib
from pathlib import Path

import gradio as gr

HERE = Path(__file__).parent


def digest(name):
    data = (HERE / name).read_bytes()
    return f"{len(data)} {hashlib.sha256(data).hexdigest()}"


gr.Interface(digest, gr.Textbox(label="Name"), gr.Textbox(label="Digest")).launch()
"""
# When the page shows the app ready, in ms since its navigation started.
READY_MARK = (
    "new MutationObserver(() => {"
    f"  if (window.__readyAt === undefined && document.querySelector({READY!r}) !== null)"
    "    window.__readyAt = performance.now();"
    "}).observe(document, { subtree: true, childList: true, attributes: true });"
)
# In the app's worker: when Ready was posted, and when each app file was requested.
WORKER_TIMES = """() => ({
  ready: performance.getEntriesByName("lite:ready")[0]?.startTime ?? null,
  files: Object.fromEntries(performance.getEntriesByType("resource")
    .filter((e) => e.name.includes("/app/"))
    .map((e) => [e.name.split("/app/")[1], e.startTime])),
})"""


@pytest.fixture(scope="module")
def sites(built_site: Callable[..., str], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The same app twice: alone, and with a 50 MB data file beside it."""
    plain = tmp_path_factory.mktemp("plain")
    (plain / "app.py").write_text(APP)
    big = tmp_path_factory.mktemp("big")
    (big / "app.py").write_text(APP)
    data = os.urandom(SIZE)  # incompressible, so no transport can make it cheap
    (big / "data.bin").write_bytes(data)
    return {
        "plain": built_site(plain / "app.py"),
        "big": built_site(big / "app.py"),
        "digest": f"{SIZE} {hashlib.sha256(data).hexdigest()}",
    }


def boot(new_context: Callable[..., BrowserContext], url: str) -> tuple[Page, float]:
    """A cold visit in a fresh profile; the page and its ready time in ms."""
    page = new_context().new_page()
    page.add_init_script(READY_MARK)
    page.goto(url)
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    ready = page.evaluate("window.__readyAt")
    assert isinstance(ready, float | int), ready
    return page, float(ready)


def app_worker_times(page: Page) -> dict:
    workers = [w for w in page.workers if w.url.endswith("/worker.js")]
    assert len(workers) == 1, [w.url for w in page.workers]
    times: dict = workers[0].evaluate(WORKER_TIMES)
    return times


def test_the_big_file_loads_after_ready_and_an_event_reads_it(sites: dict, new_context) -> None:
    page, _ = boot(new_context, sites["big"])
    # The event is sent at once, while the file may still be loading: it waits for it.
    page.get_by_label("Name").fill("data.bin")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Digest")).to_have_text(sites["digest"], timeout=60_000)
    times = app_worker_times(page)
    assert times["ready"] is not None
    assert times["files"]["app.py"] < times["ready"]  # the small files load at boot
    assert times["files"]["data.bin"] >= times["ready"], times


def test_a_missing_big_file_is_reported_and_the_app_keeps_working(
    sites: dict, new_context, site_server
) -> None:
    url = sites["big"]
    folder = Path(site_server.root) / url.removeprefix(site_server.url).strip("/")
    (folder / "app" / "data.bin").rename(folder / "app" / "data.bin.away")
    try:
        page, _ = boot(new_context, url)
        notice = "Could not load the app's file data.bin: Error: HTTP 404"
        expect(page.get_by_text(notice)).to_be_visible()
        page.get_by_label("Name").fill("app.py")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_label("Digest")).to_contain_text(f"{len(APP)} ")
    finally:
        (folder / "app" / "data.bin.away").rename(folder / "app" / "data.bin")
