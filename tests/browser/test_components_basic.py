"""The first-wave components use every prop Python sends them."""

from __future__ import annotations

from playwright.sync_api import expect

PROPS = """
import gradio as gr

def fn(text, n, picks):
    return f"{len(text.splitlines())} lines, n={n!r}, picks={picks}"

gr.Interface(
    fn,
    [
        gr.Textbox(label="Notes", lines=2, max_lines=4),
        gr.Number(
            label="Count", placeholder="how many?", minimum=0, maximum=5, step=2, precision=0
        ),
        gr.Dropdown(["a", "b", "c"], label="Picks", multiselect=True, max_choices=2),
    ],
    gr.Textbox(label="Result"),
).launch()
"""


def test_textbox_grows_to_max_lines_number_steps_and_dropdown_caps(page, app_from_source, open_app):
    open_app(page, app_from_source(PROPS))
    notes = page.get_by_label("Notes")
    expect(notes).to_have_attribute("rows", "2")
    notes.fill("1\n2\n3\n4\n5\n6\n7")
    expect(notes).to_have_attribute("rows", "4")  # grows, then scrolls past max_lines

    count = page.get_by_label("Count")
    expect(count).to_have_attribute("placeholder", "how many?")
    expect(count).to_have_attribute("inputmode", "numeric")  # precision=0
    count.fill("1")
    count.press("ArrowUp")
    expect(count).to_have_value("3")  # step=2
    count.press("ArrowUp")
    expect(count).to_have_value("5")
    count.press("ArrowUp")
    expect(count).to_have_value("5")  # maximum

    picks = page.get_by_label("Picks")
    picks.select_option(["a", "b"])
    expect(picks.locator("option", has_text="c")).to_be_disabled()  # max_choices=2
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Result")).to_have_text("7 lines, n=5, picks=['a', 'b']")
