"""File in real Chromium: bytes cross the worker seam as transferred buffers."""

from __future__ import annotations

from playwright.sync_api import Page, expect

SHOUT = """
import gradio as gr
from pathlib import Path

def shout(f):
    text = Path(f).read_text()
    out = Path(f).with_suffix(".upper.txt")
    out.write_text(text.upper())
    return f.name.rsplit("/", 1)[-1] + ": " + text, str(out)

gr.Interface(shout, gr.File(label="Upload", file_types=[".txt"]),
             [gr.Textbox(label="Seen"), gr.File(label="Shouted")]).launch()
"""

# Counts object URLs made and revoked by the page, to show none leak.
COUNT_URLS = """
window.__urls = { made: 0, revoked: 0 };
const create = URL.createObjectURL.bind(URL), revoke = URL.revokeObjectURL.bind(URL);
URL.createObjectURL = (o) => { window.__urls.made++; return create(o); };
URL.revokeObjectURL = (u) => { window.__urls.revoked++; return revoke(u); };
"""


def submit(page: Page) -> None:
    page.get_by_role("button", name="Submit").click()


def test_upload_reaches_python_as_a_path_and_the_output_downloads(
    page, app_from_source, open_app, tmp_path
):
    open_app(page, app_from_source(SHOUT))
    note = tmp_path / "note.txt"
    note.write_text("héllo wörld")
    page.get_by_label("Upload").set_input_files(note)
    submit(page)
    expect(page.get_by_label("Seen")).to_have_text("note.txt: héllo wörld")
    link = page.get_by_label("Shouted").get_by_role("link", name="note.upper.txt")
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == "note.upper.txt"
    assert info.value.path().read_text(encoding="utf-8") == "HÉLLO WÖRLD"


def test_a_disallowed_file_type_is_a_clear_error(page, app_from_source, open_app, tmp_path):
    open_app(page, app_from_source(SHOUT))
    bad = tmp_path / "x.csv"
    bad.write_text("a,b")
    page.get_by_label("Upload").set_input_files(bad)
    submit(page)
    expect(page.locator(".lite-errors")).to_contain_text("Invalid file type")
    # The app goes on.
    good = tmp_path / "y.txt"
    good.write_text("ok")
    page.get_by_label("Upload").set_input_files(good)
    submit(page)
    expect(page.get_by_label("Seen")).to_have_text("y.txt: ok")


def test_replaced_outputs_free_their_object_urls(page, app_from_source, open_app, tmp_path):
    page.add_init_script(COUNT_URLS)
    open_app(page, app_from_source(SHOUT))
    note = tmp_path / "n.txt"
    note.write_text("x")
    page.get_by_label("Upload").set_input_files(note)
    seen = page.get_by_label("Seen")
    for i in range(200):
        if i % 50 == 0:
            page.get_by_label("Upload").set_input_files(note)
        submit(page)
        expect(page.locator("gradio-lite .lite-pending")).to_have_count(0)
    expect(seen).to_have_text("n.txt: x")
    urls = page.evaluate("window.__urls")
    # One output URL per event, each revoked when the next replaced it; the picked
    # file's preview URLs are revoked when another pick replaces them.
    assert urls["made"] >= 200
    assert urls["made"] - urls["revoked"] <= 2, urls


def test_file_tools_example_counts_words_in_several_files(page, built_site, open_app, tmp_path):
    from pathlib import Path

    app = Path(__file__).parents[2] / "examples" / "file_tools" / "app.py"
    open_app(page, built_site(app))
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text("the cat the hat")
    b.write_text("The end")
    page.get_by_label("Text files").set_input_files([a, b])
    submit(page)
    expect(page.get_by_label("Words per file")).to_contain_text('"b.md": 2')
    expect(page.get_by_label("Most common")).to_contain_text("the")
    with page.expect_download() as info:
        page.get_by_label("Report").get_by_role("link", name="word_report.csv").click()
    assert info.value.path().read_text().splitlines()[:2] == ["word,count", "the,3"]


def test_a_file_shipped_next_to_the_app_works_as_an_example(page, app_from_source, open_app):
    url = app_from_source(
        """
        import gradio as gr
        from pathlib import Path
        gr.Interface(lambda f: Path(f).read_text().strip(), gr.File(label="Doc"),
                     gr.Textbox(label="Text"), examples=[["sample.txt"]]).launch()
        """,
        sample__txt="shipped with the app\n",
    )
    open_app(page, url)
    page.get_by_role("button", name="sample.txt", exact=True).click()
    expect(page.get_by_label("Doc").locator("xpath=..")).to_contain_text("sample.txt")
    submit(page)
    expect(page.get_by_label("Text")).to_have_text("shipped with the app")
