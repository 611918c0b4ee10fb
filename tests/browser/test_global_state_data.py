"""Global state in Chromium: apps kept apart, deltas in IndexedDB, big values, and the
user's "Shared data" control and `sharedData` API (export, import, reset)."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect
from test_global_state import SCORES, settle, submit, track

IDB_COUNTS = """
(async () => {
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open("lite-state");
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const count = (name) => new Promise((ok) => {
    const r = db.transaction([name]).objectStore(name).getAll();
    r.onsuccess = () => ok(r.result.map((e) => [e.key, e.text.length]));
  });
  const result = { entries: await count("entries"), deltas: await count("deltas") };
  db.close();
  return result;
})()
"""


def scores(page: Page) -> object:
    return json.loads(page.get_by_label("Top Scores").inner_text() or "null")


def test_two_apps_built_from_one_folder_each_see_only_their_own_data(
    context, built_site, open_app, tmp_path: Path
):
    folder = tmp_path / "two"
    folder.mkdir()
    for name in ("a.py", "b.py"):  # the very same code, in the same folder
        (folder / name).write_text(SCORES.read_text())
    url_a, url_b = built_site(folder / "a.py"), built_site(folder / "b.py")
    page_a, page_b = context.new_page(), context.new_page()
    open_app(page_a, url_a)
    assert track(page_a, "5") == [5.0]
    open_app(page_b, url_b)
    assert track(page_b, "7") == [7.0]  # b doesn't see a's score
    open_app(page_a, url_a)  # a reload of a keeps a's own
    assert track(page_a, "6") == [6.0, 5.0]


BIG_LIST = """
import gradio as gr

data = list(range(20_000))

def add(x):
    data.append(int(x))
    return f"{len(data)} {sum(data[-3:])}"

gr.Interface(add, gr.Number(label="X"), gr.Textbox(label="Out")).launch()
"""


def test_appends_are_stored_as_deltas_and_replayed_by_another_tab(
    context, app_from_source, open_app
):
    url = app_from_source(BIG_LIST)
    writer, reader = context.new_page(), context.new_page()
    open_app(writer, url)
    open_app(reader, url)

    model = list(range(20_000))

    def add(page: Page, x: int) -> None:
        model.append(x)
        page.bring_to_front()
        page.get_by_label("X").fill(str(x))
        submit(page)
        expect(page.get_by_label("Out")).to_have_text(f"{len(model)} {sum(model[-3:])}")
        settle(page)

    add(writer, 1)  # the first write of a name is whole
    whole = writer.evaluate(IDB_COUNTS)
    for i in range(2, 6):
        add(writer, i)
    stored = writer.evaluate(IDB_COUNTS)
    assert stored["entries"] == whole["entries"]  # the 20,000 items were not rewritten
    assert [key for key, _ in stored["deltas"]] == ["__main__:data"] * 4
    assert max(size for _, size in stored["deltas"]) < 60
    add(reader, 6)  # the reader replays the four deltas, then adds its own


SHARED = """
import gradio as gr

scores = []
names = {"start"}

def track(score):
    scores.append(score)
    return sorted(scores, reverse=True)

gr.Interface(track, gr.Number(label="Score"), gr.JSON(label="Top Scores")).launch()
"""

HELLO = """
import gradio as gr

gr.Interface(lambda name: "Hi " + name, gr.Textbox(label="Name"), gr.Textbox(label="Out")).launch()
"""


def open_control(page: Page):
    control = page.locator("gradio-lite details.lite-shared")
    if control.get_attribute("open") is None:
        control.locator("summary").click()
    return control


def test_the_shared_data_control_exports_imports_and_resets(
    context, app_from_source, open_app, tmp_path: Path
):
    url = app_from_source(SHARED)
    other_app = app_from_source(SHARED.replace("names =", "other ="))
    page, other_tab = context.new_page(), context.new_page()
    open_app(page, url)
    open_app(other_tab, url)
    assert track(page, "4") == [4.0]
    assert track(page, "9") == [9.0, 4.0]

    control = open_control(page)
    expect(control.locator("li")).to_have_count(2)
    expect(control.locator("li", has_text="scores")).to_contain_text("B")
    expect(control.locator(".lite-shared-usage")).to_contain_text("Storage used by this site")

    with page.expect_download() as download:
        control.get_by_role("button", name="Export").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    document = json.loads(exported.read_text())
    assert document["format"] == "lite-shared-data"
    assert document["app"].endswith("/app.json") and document["version"].startswith("app:")
    assert document["values"]["__main__:scores"] == [4.0, 9.0]

    assert track(page, "1") == [9.0, 4.0, 1.0]
    picker = control.locator("input[type=file]")
    picker.set_input_files(exported)
    expect(control.get_by_role("status")).to_have_text("Imported.")
    assert track(page, "2") == [9.0, 4.0, 2.0]  # the 1 is gone: the file's values are back
    # The other tab hears of it and loads the imported values before its next event.
    assert track(other_tab, "3") == [9.0, 4.0, 3.0, 2.0]

    # Another app's file, or a corrupt one: a clear message, and nothing changes.
    page.bring_to_front()
    foreign = dict(document, app="/elsewhere/app.json")
    (tmp_path / "foreign.json").write_text(json.dumps(foreign))
    picker.set_input_files(tmp_path / "foreign.json")
    expect(control.get_by_role("status")).to_contain_text("shared data of another app")
    corrupt = json.loads(json.dumps(document))
    corrupt["values"]["__main__:scores"] = {"#no-such-tag": 1}
    (tmp_path / "corrupt.json").write_text(json.dumps(corrupt))
    picker.set_input_files(tmp_path / "corrupt.json")
    expect(control.get_by_role("status")).to_contain_text("corrupt")
    assert track(page, "5") == [9.0, 5.0, 4.0, 3.0, 2.0]

    control.get_by_role("button", name="Reset").click()
    control.get_by_role("button", name="Confirm reset").click()
    expect(control.get_by_role("status")).to_have_text("Reset to the initial values.")
    assert track(other_tab, "8") == [8.0]  # every tab starts over

    # The same app from elsewhere refuses this file too (its id differs).
    open_app(page, other_app)
    control = open_control(page)
    control.locator("input[type=file]").set_input_files(exported)
    expect(control.get_by_role("status")).to_contain_text("another app")


def test_the_control_shows_only_for_apps_that_share_data_and_can_be_hidden(
    context, app_from_source, html_page, open_app
):
    page = context.new_page()
    open_app(page, app_from_source(HELLO))
    page.wait_for_timeout(300)  # the control would appear right after ready
    expect(page.locator("details.lite-shared")).to_have_count(0)
    hidden = html_page(
        '<!doctype html><script type="module" src="lite.js"></script>'
        f"<gradio-lite hide-shared-data>{SHARED}</gradio-lite>"
    )
    open_app(page, hidden)
    page.wait_for_timeout(300)
    expect(page.locator("details.lite-shared")).to_have_count(0)
    # The API stays: the page's own code can still export.
    exported = page.evaluate("document.querySelector('gradio-lite').sharedData.export()")
    assert set(json.loads(exported)["values"]) == {"__main__:scores", "__main__:names"}


API = """
async () => {
  const el = document.querySelector("gradio-lite");
  const info = await el.sharedData.info();
  const file = await el.sharedData.export();
  const doc = JSON.parse(file);
  doc.values["__main__:scores"] = [42.0];
  const warnings = await el.sharedData.import(doc);
  let refused = null;
  try {
    await el.sharedData.import({ ...doc, app: "/not/this/app.json" });
  } catch (err) {
    refused = err.message;
  }
  const afterImport = JSON.parse(await el.sharedData.export()).values["__main__:scores"];
  await el.sharedData.reset();
  const afterReset = JSON.parse(await el.sharedData.export()).values["__main__:scores"];
  const names = info.names.map((n) => n.name).sort();
  return { names, warnings, refused, afterImport, afterReset };
}
"""


def test_the_element_api_exports_imports_and_resets(context, app_from_source, open_app):
    page = context.new_page()
    open_app(page, app_from_source(SHARED))
    track(page, "1")
    result = page.evaluate(API)
    assert result["names"] == ["names", "scores"]
    assert result["warnings"] == []
    assert "another app" in result["refused"]
    assert result["afterImport"] == [42.0] and result["afterReset"] == []
    assert track(page, "7") == [7.0]


HUGE = """
import random
import gradio as gr

blob = ""

def grow(mb):
    global blob
    if mb:  # random hex: IndexedDB compresses values, so "x" * n would take no room
        blob = random.Random(mb).randbytes(int(mb * 500_000)).hex()
    return str(len(blob))

gr.Interface(grow, gr.Number(label="MB"), gr.Textbox(label="Length")).launch()
"""


def test_a_50_mb_value_is_shared_and_past_the_quota_the_error_is_clear(
    context, app_from_source, open_app
):
    url = app_from_source(HUGE)
    page, other = context.new_page(), context.new_page()

    def grow(p: Page, mb: float, expected: str) -> None:
        p.bring_to_front()
        p.get_by_label("MB").fill(str(mb))
        submit(p)
        expect(p.get_by_label("Length")).to_have_text(expected, timeout=60_000)
        settle(p)

    # A quota room for the 50 MB value but not for 80 MB. (Set before the store opens:
    # Chromium reads an origin's quota when its IndexedDB opens.)
    cdp = context.new_cdp_session(page)
    origin = "/".join(url.split("/", 3)[:3])
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin, "quotaSize": 70_000_000})
    open_app(page, url)
    grow(page, 50, "50000000")
    open_app(other, url)
    grow(other, 0, "50000000")  # loaded from IndexedDB by a fresh tab

    page.bring_to_front()
    page.get_by_label("MB").fill("80")
    submit(page)
    expect(page.locator(".lite-error-title")).to_contain_text(
        "storage quota exceeded", timeout=60_000
    )
    settle(page)
    grow(page, 0, "50000000")  # this tab went back to the committed value
    open_app(other, url)
    grow(other, 0, "50000000")  # nothing half-written: the 50 MB value is intact
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin})
