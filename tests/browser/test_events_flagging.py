"""Flagging: the Flag button stores the inputs and outputs in IndexedDB for this app, and
the download is the CSV Gradio writes (dataset1.csv)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

from playwright.sync_api import Page, expect

LONG = 60_000

FLAGGED = """
import gradio as gr

def greet(name, times):
    return "Hello " + name * int(times), {"name": name}

gr.Interface(greet, [gr.Textbox(label="Name"), gr.Number(label="Times", value=1)],
             [gr.Textbox(label="Greeting"), gr.JSON(label="Data")],
             flagging_options=["Good", "Bad"]).launch()
"""


def download_csv(page: Page) -> list[list[str]]:
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile(r"Download flagged data")).click()
    download = info.value
    assert download.suggested_filename == "dataset1.csv"
    text = Path(download.path()).read_bytes().decode("utf-8")
    assert text.endswith("\r\n")
    return list(csv.reader(io.StringIO(text)))


def test_flag_then_download_gives_the_row(page: Page, app_from_source, open_app):
    url = app_from_source(FLAGGED)
    open_app(page, url)
    page.get_by_label("Name").fill("Ada")
    page.get_by_label("Times").fill("2")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Greeting")).to_have_text("Hello AdaAda", timeout=LONG)
    page.get_by_role("button", name="Flag as Good").click()
    expect(page.get_by_role("button", name="Download flagged data (1)")).to_be_visible()
    rows = download_csv(page)
    assert rows[0] == ["Name", "Times", "Greeting", "Data", "flag", "timestamp"]
    assert rows[1][:5] == ["Ada", "2", "Hello AdaAda", '{"name": "Ada"}', "Good"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", rows[1][5])

    # Flags are kept for the app: after a reload the row is still there, and a new one adds.
    open_app(page, url)
    page.get_by_role("button", name="Flag as Bad").click()
    expect(page.get_by_role("button", name="Download flagged data (2)")).to_be_visible()
    rows = download_csv(page)
    assert [r[4] for r in rows[1:]] == ["Good", "Bad"]


FILES = """
import gradio as gr
from pathlib import Path

def shout(text):
    out = Path("shouted.txt")
    out.write_text(text.upper())
    return str(out)

gr.Interface(shout, gr.Textbox(label="Text"), gr.File(label="Shouted")).launch()
"""


def test_flagged_files_download_in_a_zip_beside_the_csv(page: Page, app_from_source, open_app):
    open_app(page, app_from_source(FILES))
    page.get_by_label("Text").fill("quiet")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Shouted").get_by_role("link", name="shouted.txt")).to_be_visible(
        timeout=LONG
    )
    page.get_by_role("button", name="Flag", exact=True).click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download flagged data (1)").click()
    assert info.value.suggested_filename == "flagged.zip"
    with zipfile.ZipFile(info.value.path()) as archive:
        rows = list(csv.reader(io.StringIO(archive.read("dataset1.csv").decode("utf-8"))))
        assert rows[0] == ["Text", "Shouted", "timestamp"]
        assert rows[1][0] == "quiet"
        assert archive.read(rows[1][1]) == b"QUIET"  # the CSV names the file in the zip
