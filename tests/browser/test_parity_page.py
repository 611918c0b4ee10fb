"""What lite's page submits where Gradio's page has its own rules (see PARITY.md)."""

from __future__ import annotations

from playwright.sync_api import expect


def test_empty_number_shows_and_submits_zero_and_clear_is_gradios(page, app_from_source, open_app):
    url = app_from_source(
        """
        import gradio as gr

        def greet(name, repeat, level):
            return f"Hello {name * int(repeat)}!! ({type(repeat).__name__})"

        level = gr.Slider(2, 9, value=5, label="Level")
        inputs = [gr.Textbox(label="Name"), gr.Number(label="Times"), level]
        gr.Interface(greet, inputs, "text").launch()
        """
    )
    open_app(page, url)
    expect(page.get_by_label("Times")).to_have_value("0")
    page.get_by_label("Name").fill("ab")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output")).to_have_text("Hello !! (int)")
    page.get_by_label("Times").fill("3.0")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output")).to_have_text("Hello ababab!! (int)")
    page.get_by_role("button", name="Clear").click()
    # As Gradio's Clear: each input gets its postprocess(None).
    expect(page.get_by_label("Times")).to_have_value("")
    expect(page.get_by_label("Level")).to_have_value("2")
    expect(page.get_by_label("Name")).to_have_value("")


def test_picked_choices_keep_their_order(page, app_from_source, open_app):
    url = app_from_source(
        """
        import gradio as gr

        def show(group, multi):
            return repr((group, multi))

        gr.Interface(
            show,
            [
                gr.CheckboxGroup(["a", "b", "c"], label="Group"),
                gr.Dropdown(["x", "y", "z"], multiselect=True, label="Multi"),
            ],
            "text",
            examples=[[["c", "a"], ["z", "x"]]],
        ).launch()
        """
    )
    open_app(page, url)
    page.get_by_label("c", exact=True).check()
    page.get_by_label("a", exact=True).check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output")).to_have_text("(['c', 'a'], [])")
    page.get_by_role("button", name="c, a").click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output")).to_have_text("(['c', 'a'], ['z', 'x'])")
    page.get_by_role("button", name="Clear").click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output")).to_have_text("([], None)")  # as after Gradio's Clear


def test_example_leaves_an_input_without_examples_alone(page, app_from_source, open_app):
    url = app_from_source(
        """
        import gradio as gr

        level = gr.Slider(1, 9, value=5, label="Level")
        gr.Interface(
            lambda name, level, note: repr((name, level, note)),
            [gr.Textbox(label="Name"), level, gr.Textbox("kept", label="Note")],
            "text",
            examples=[["Ada", None, None], [None, 7, None]],
        ).launch()
        """
    )
    open_app(page, url)
    page.get_by_role("button", name="Ada").click()
    expect(page.get_by_label("Level")).to_have_value("1")  # an empty cell: what Clear gives
    expect(page.get_by_label("Note")).to_have_value("kept")  # no examples: left alone
    page.get_by_role("button", name="7").click()
    expect(page.get_by_label("Name")).to_have_value("")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output")).to_have_text("('', 7, 'kept')")
