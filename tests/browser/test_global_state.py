"""Global state across tabs: real IndexedDB, Web Locks and BroadcastChannel in Chromium,
with several pages of one browser context standing in for a user's tabs."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

EXAMPLES = Path(__file__).parents[2] / "examples"
SCORES = EXAMPLES / "score_tracker" / "app.py"


def submit(page: Page) -> None:
    page.get_by_role("button", name="Submit").click()


def settle(page: Page) -> None:
    """Wait until no event of the page is pending."""
    expect(page.locator("gradio-lite [aria-busy=true]")).to_have_count(0, timeout=60_000)


def track(page: Page, score: str) -> object:
    # Playwright's actionability checks wait for animation frames, which a background
    # tab doesn't get; the app itself doesn't care which tab is in front.
    page.bring_to_front()
    before = page.get_by_label("Top Scores").inner_text()
    page.get_by_label("Score", exact=True).fill(score)
    submit(page)
    expect(page.get_by_label("Top Scores")).not_to_have_text(before)
    settle(page)
    return json.loads(page.get_by_label("Top Scores").inner_text())


def test_score_tracker_is_shared_by_tabs_and_kept(
    context, browser, new_context, built_site, open_app
):
    url = built_site(SCORES)
    tab_a, tab_b = context.new_page(), context.new_page()
    open_app(tab_a, url)
    open_app(tab_b, url)
    assert track(tab_a, "5") == [5.0]
    assert track(tab_b, "7") == [7.0, 5.0]
    assert track(tab_a, "6") == [7.0, 6.0, 5.0]
    expect(tab_b.get_by_text("Shared data was updated in another tab")).to_be_visible()
    # After a reload, the shared scores are still there.
    open_app(tab_b, url)
    assert track(tab_b, "1") == [7.0, 6.0, 5.0]
    # After every tab closes, a new tab still sees them (IndexedDB outlives the tabs).
    tab_a.close()
    tab_b.close()
    tab_c = context.new_page()
    open_app(tab_c, url)
    assert track(tab_c, "9") == [9.0, 7.0, 6.0]
    # Another profile (browser context) has its own storage and starts empty.
    other = new_context().new_page()
    open_app(other, url)
    assert track(other, "2") == [2.0]


COUNTER = """
import asyncio
import gradio as gr

n = 0
items = []

async def add(who, look):
    global n
    if not look:
        seen = n
        await asyncio.sleep(0)  # without the lock, another tab's event could run here
        n = seen + 1
        items.append(who)
    return n, len(items)

gr.Interface(add, [gr.Textbox(label="Who"), gr.Checkbox(label="Look")],
             [gr.Number(label="Count"), gr.Number(label="Items")]).launch()
"""


CLICK_SUBMIT = (
    "(n) => { for (let i = 0; i < n; i++) document.querySelector('[type=submit]').click() }"
)


def test_concurrent_events_from_four_tabs_lose_nothing(context, app_from_source, open_app):
    url = app_from_source(COUNTER)
    pages = [context.new_page() for _ in range(4)]
    for i, page in enumerate(pages):
        open_app(page, url)
        page.get_by_label("Who").fill(f"tab{i}")
    # 25 clicks per tab at once, so the four tabs' events really contend for the lock.
    for page in pages:
        page.evaluate(CLICK_SUBMIT, 25)
    for page in pages:
        settle(page)
    pages[0].bring_to_front()
    pages[0].get_by_label("Look").check()
    submit(pages[0])
    expect(pages[0].get_by_label("Count")).to_have_text("100")
    expect(pages[0].get_by_label("Items")).to_have_text("100")


SLOW = """
import asyncio
import gradio as gr

total = 0

async def change(amount, slow):
    global total
    total += amount
    if slow:
        await asyncio.sleep(30)
    return total

gr.Interface(change, [gr.Number(label="Amount"), gr.Checkbox(label="Slow")],
             gr.Number(label="Total")).launch()
"""


def test_tab_closed_mid_event_writes_nothing_and_frees_the_lock(context, app_from_source, open_app):
    url = app_from_source(SLOW)
    doomed, survivor = context.new_page(), context.new_page()
    open_app(doomed, url)
    open_app(survivor, url)
    doomed.bring_to_front()
    doomed.get_by_label("Amount").fill("100")
    doomed.get_by_label("Slow").check()
    submit(doomed)
    expect(doomed.get_by_label("Total")).to_have_attribute("aria-busy", "true")
    doomed.wait_for_timeout(500)  # it now holds the lock, mid-event
    doomed.close()
    survivor.bring_to_front()
    survivor.get_by_label("Amount").fill("1")
    submit(survivor)
    # Promptly: far sooner than the 30 s the closed tab's event would have held the lock.
    expect(survivor.get_by_label("Total")).to_have_text("1", timeout=5_000)


def test_apps_and_versions_are_isolated(context, app_from_source, open_app):
    tracker = "import gradio as gr\nscores = []\n{extra}\ndef f(s):\n    scores.append(s)\n"
    tracker += (
        "    return len(scores)\ngr.Interface(f, gr.Number(label='S'), gr.Number(label='N'))\n"
    )
    first = app_from_source(tracker.format(extra=""))
    other_app = app_from_source(tracker.format(extra="OTHER = 1"))
    keyed_v1 = app_from_source(tracker.format(extra=""), state_key="scores-demo")
    keyed_v2 = app_from_source(tracker.format(extra="# v2"), state_key="scores-demo")
    page = context.new_page()

    def count_after_submit(url: str) -> str:
        open_app(page, url)
        page.get_by_label("S").fill("1")
        submit(page)
        expect(page.get_by_label("N")).not_to_have_text("")
        return page.get_by_label("N").inner_text()

    assert count_after_submit(first) == "1"
    assert count_after_submit(first) == "2"
    # A different app (here: changed source) with the same variable name starts fresh.
    assert count_after_submit(other_app) == "1"
    # An explicit key keeps state across code changes.
    assert count_after_submit(keyed_v1) == "1"
    assert count_after_submit(keyed_v2) == "2"


CORRUPT = """
(async () => {
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open("lite-state");
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const tx = db.transaction(["entries"], "readwrite");
  const store = tx.objectStore("entries");
  const all = await new Promise((ok) => {
    const r = store.getAll();
    r.onsuccess = () => ok(r.result);
  });
  const entry = all.find((e) => e.key === "__main__:scores");
  entry.text = '{"$": "no such tag", "v": [';
  store.put(entry);
  await new Promise((ok) => { tx.oncomplete = ok; });
  const q = db.transaction(["quarantine"]).objectStore("quarantine").count();
  return await new Promise((ok) => { q.onsuccess = () => ok(q.result); });
})()
"""

QUARANTINED = """
(async () => {
  const db = await new Promise((ok) => {
    const o = indexedDB.open("lite-state");
    o.onsuccess = () => ok(o.result);
  });
  const r = db.transaction(["quarantine"]).objectStore("quarantine").getAll();
  return await new Promise((ok) => { r.onsuccess = () => ok(r.result.map((e) => e.key)); });
})()
"""


def test_corrupt_entry_is_reported_kept_aside_and_the_app_recovers(context, built_site, open_app):
    url = built_site(SCORES)
    page = context.new_page()
    open_app(page, url)
    track(page, "4")
    assert page.evaluate(CORRUPT) == 0
    open_app(page, url)
    expect(page.get_by_text("could not be read")).to_be_visible()
    assert track(page, "3") == [3.0]  # the module's initial value, then this event
    assert page.evaluate(QUARANTINED) == ["__main__:scores"]


# Another writer that ignored the lock: move every stored version on behind the tabs' back.
BUMP_VERSION = """
(async () => {
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open("lite-state");
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const tx = db.transaction(["meta"], "readwrite");
  const store = tx.objectStore("meta");
  const all = await new Promise((ok) => {
    const r = store.getAll();
    r.onsuccess = () => ok(r.result);
  });
  for (const meta of all) store.put({ ...meta, version: meta.version + 5 });
  await new Promise((ok) => { tx.oncomplete = ok; });
  db.close();
  return all.length;
})()
"""


def test_a_commit_on_an_outdated_version_writes_nothing_and_the_app_recovers(
    context, app_from_source, open_app
):
    page = context.new_page()
    open_app(page, app_from_source(COUNTER))
    page.get_by_label("Who").fill("a")
    submit(page)
    expect(page.get_by_label("Count")).to_have_text("1")
    settle(page)
    # This tab keeps the lock between events and sends its next commit's writes along
    # with the version check: the check must still refuse them all.
    assert page.evaluate(BUMP_VERSION) == 1
    submit(page)
    expect(page.locator(".lite-error-title")).to_contain_text("the store is at version 6, not 1")
    settle(page)
    submit(page)
    # Nothing of the refused event was written: the count goes on from 1.
    expect(page.get_by_label("Count")).to_have_text("2")
    expect(page.get_by_label("Items")).to_have_text("2")


WALL = """
<!doctype html>
<script type="module" src="lite.js"></script>
<gradio-lite rerun-on-change>
import gradio as gr

messages = []

def post(message):
    if message:
        messages.append(message)
    return " | ".join(messages)

gr.Interface(post, gr.Textbox(label="Message"), gr.Textbox(label="Wall")).launch()
</gradio-lite>
"""


def test_rerun_on_change_shows_other_tabs_writes(context, html_page, open_app):
    url = html_page(WALL)
    writer, reader = context.new_page(), context.new_page()
    open_app(writer, url)
    open_app(reader, url)
    reader.bring_to_front()
    submit(reader)  # an empty message only reads the wall
    settle(reader)
    writer.bring_to_front()
    writer.get_by_label("Message").fill("hello")
    submit(writer)
    expect(writer.get_by_label("Wall")).to_have_text("hello")
    # The reader re-ran its function on its own when the writer's commit was announced.
    expect(reader.get_by_label("Wall")).to_have_text("hello")
