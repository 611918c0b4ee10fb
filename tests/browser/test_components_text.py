"""Code, HighlightedText, ColorPicker, DateTime and Chatbot in real Chromium, driven as a
user would: type, pick, submit, read what the page shows."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

EXAMPLES = Path(__file__).parents[2] / "examples"


def submit(page: Page) -> None:
    page.get_by_role("button", name="Submit").click()


def test_text_tools_example_reviews_typed_code(page, built_site, open_app):
    chunks: list[str] = []
    page.on("request", lambda r: chunks.append(r.url) if "/chunks/code-" in r.url else None)
    open_app(page, built_site(EXAMPLES / "text_tools" / "app.py"))
    assert chunks, "an app with gr.Code loads the Code chunk"
    code = page.get_by_label("Code", exact=True)
    code.fill("")
    code.press_sequentially("def twice(n):\n")
    code.press("Tab")  # indents, rather than leaving the editor
    code.press_sequentially("return 2 * n  # TODO")
    expect(code).to_have_value("def twice(n):\n    return 2 * n  # TODO")
    # The highlighted view under the textarea follows the typing.
    view = page.locator(".lite-code-view")
    expect(view.locator(".shj-syn-kwd").first).to_have_text("def")
    lines = view.locator(".lite-code-line")
    expect(lines).to_have_text(["def twice(n):", "    return 2 * n  # TODO"])
    expect(lines.nth(1).locator(".shj-syn-cmnt")).to_contain_text("#")
    page.get_by_label("Label colour").fill("#3366ff")
    page.get_by_label("Due", exact=True).fill("2026-12-24")
    submit(page)
    tokens = page.get_by_label("Tokens")
    expect(tokens.locator('[data-category="keyword"]')).to_have_text(["def", "return"])
    expect(tokens.locator(".lite-ht-legend")).to_contain_text("keyword")
    expect(tokens.locator(".lite-ht-label")).to_have_count(0)  # the legend names them
    review = page.get_by_label("Review")
    expect(review.locator('[data-role="assistant"] strong')).to_have_text("1 TODO(s)")
    expect(review.locator('[data-role="assistant"]')).to_contain_text("#3366ff")
    expect(review.locator('[data-role="assistant"]')).to_contain_text("2026-12-24")
    expect(review.locator('[data-role="user"] pre code')).to_contain_text("def twice(n):")


def test_code_output_is_read_only_and_language_falls_back(page, app_from_source, open_app):
    url = app_from_source(
        """
        import gradio as gr

        def run(source):
            return f"  {source.upper()}  \\n", source

        gr.Interface(
            run,
            gr.Code(language="json", label="Source", lines=3, max_lines=5, show_line_numbers=False),
            [gr.Code(language="r", label="Loud"), gr.Textbox(label="Raw")],
        ).launch()
        """
    )
    open_app(page, url)
    page.get_by_label("Source").fill('{"a": [1, true]}')
    expect(page.locator("[data-language=json] .shj-syn-num")).to_have_text("1")
    submit(page)
    loud = page.get_by_label("Loud")
    expect(loud).to_have_value('{"A": [1, TRUE]}')  # stripped, as Gradio does
    expect(loud).to_have_attribute("readonly", "")
    expect(page.get_by_label("Raw")).to_have_text('{"a": [1, true]}')
    # Gradio's copy and download buttons.
    loud_block = page.locator(".lite-block", has=loud)
    with page.expect_download() as download:
        loud_block.get_by_role("button", name="Download").click()
    assert download.value.suggested_filename == "code.r"
    assert Path(download.value.path()).read_text() == '{"A": [1, TRUE]}'
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    loud_block.get_by_role("button", name="Copy").click()
    expect(loud_block.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == '{"A": [1, TRUE]}'
    # The editor grows from `lines` to `max_lines`, then scrolls.
    box = page.locator("[data-language=json]")
    three_lines = box.bounding_box()["height"]
    page.get_by_label("Source").fill("\n".join(["1"] * 4))
    assert box.bounding_box()["height"] > three_lines
    page.get_by_label("Source").fill("\n".join(["1"] * 30))
    assert box.evaluate("(el) => el.scrollHeight > el.clientHeight + 100")
    assert box.bounding_box()["height"] < 7 * 21 + 20
    # r has no highlighter table: plain text, still shown.
    expect(page.locator("[data-language=r] .lite-code-view")).to_have_text('{"A": [1, TRUE]}')
    expect(page.locator("[data-language=r] [class^=shj-syn]")).to_have_count(0)


def test_highlighted_text_categories_scores_and_plain_text(page, app_from_source, open_app):
    chunks: list[str] = []
    page.on("request", lambda r: chunks.append(r.url) if "/chunks/code-" in r.url else None)
    url = app_from_source(
        """
        import gradio as gr

        def tag(text):
            entities = [
                {"entity": "PER", "start": 0, "end": 8},
                {"entity_group": "LOC", "start": 18, "end": 24},
            ]
            scores = [(word, (i - 1) / 2) for i, word in enumerate(text.split()[:3])]
            return {"text": text, "entities": entities}, scores

        gr.Interface(
            tag,
            gr.Textbox(label="Sentence"),
            [
                gr.HighlightedText(label="Entities", color_map={"PER": "green"}),
                gr.HighlightedText(label="Scores", show_legend=True),
            ],
        ).launch()
        """
    )
    open_app(page, url)
    page.get_by_label("Sentence").fill("Wolfgang lives in Berlin <b>!</b>")
    submit(page)
    entities = page.get_by_label("Entities")
    per = entities.locator('[data-category="PER"]')
    expect(per).to_contain_text("Wolfgang")
    expect(per.locator(".lite-ht-label")).to_have_text("PER")  # inline, no legend
    expect(per.locator(".lite-ht-label")).to_have_css("background-color", "rgb(34, 197, 94)")
    expect(entities.locator('[data-category="LOC"]')).to_contain_text("Berlin")
    expect(entities).to_contain_text("<b>!</b>")  # text stays text
    expect(entities.locator("b")).to_have_count(0)
    scores = page.get_by_label("Scores")
    spans = scores.locator(".lite-ht-highlighted")
    expect(spans).to_have_text(["Wolfgang", "lives", "in"])
    expect(spans.nth(0)).to_have_css("background-color", "rgba(128, 90, 213, 0.5)")
    expect(spans.nth(2)).to_have_css("background-color", "rgba(239, 68, 60, 0.5)")
    expect(scores.locator(".lite-ht-scores")).to_have_text("-10+1")
    assert chunks == [], "an app without gr.Code never downloads the Code chunk"


def test_color_picker_and_datetime_as_a_user_sets_them(page, app_from_source, open_app):
    url = app_from_source(
        """
        import gradio as gr

        def show(colour, when):
            return colour, f"{type(when).__name__}: {when}", colour

        gr.Interface(
            show,
            [gr.ColorPicker(label="Colour"), gr.DateTime(label="When", type="datetime")],
            [gr.Textbox(label="Picked"), gr.Textbox(label="Parsed"), gr.ColorPicker(label="Echo")],
        ).launch()
        """
    )
    open_app(page, url)
    page.get_by_label("Colour").fill("#ff8800")
    expect(page.get_by_label("Hex code")).to_have_value("#ff8800")
    page.get_by_label("When").fill("2024-05-01 13:45:07")
    submit(page)
    expect(page.get_by_label("Picked")).to_have_text("#ff8800")
    expect(page.get_by_label("Parsed")).to_have_text("datetime: 2024-05-01 13:45:07")
    expect(page.get_by_label("Echo")).to_have_text("#ff8800")
    # Typing a short hex code sets the swatch; the calendar fills the text box.
    page.get_by_label("Hex code").fill("#0c0")
    expect(page.get_by_label("Colour")).to_have_value("#00cc00")
    page.get_by_label("Pick from a calendar").fill("2025-01-02T03:04:05")
    expect(page.get_by_label("When")).to_have_value("2025-01-02 03:04:05")
    submit(page)
    expect(page.get_by_label("Picked")).to_have_text("#00cc00")
    expect(page.get_by_label("Parsed")).to_have_text("datetime: 2025-01-02 03:04:05")
    # A malformed date is named next to the box, and the app goes on.
    page.get_by_label("When").fill("next tuesday")
    submit(page)
    expect(page.get_by_text("Enter a date as 2024-05-01 13:45:00")).to_be_visible()
    expect(page.get_by_label("When")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("When").fill("now - 1d")
    submit(page)
    expect(page.get_by_label("Parsed")).to_contain_text("datetime: ")
    expect(page.get_by_text("Enter a date as")).to_have_count(0)


# A 1x1 PNG, which the chat app writes next to itself and shows.
DOT = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5E"
    "rkJggg=="
)
XSS = '<img src=x onerror="window.__xss=(window.__xss||0)+1"><script>window.__xss=1</script>'


def test_chatbot_renders_markdown_bubbles_and_keeps_payloads_inert(page, app_from_source, open_app):
    url = app_from_source(
        f"""
        import base64
        import gradio as gr

        with open("dot.png", "wb") as f:
            f.write(base64.b64decode({DOT!r}))

        def chat(message):
            return [
                {{"role": "user", "content": message}},
                {{"role": "assistant", "content": "**Hello** there\\nsecond line " + {XSS!r}}},
                {{"role": "assistant", "content": "I thought",
                  "metadata": {{"title": "Thinking", "status": "done"}}}},
                {{"role": "assistant", "content": {{"path": "dot.png", "alt_text": "a dot"}}}},
            ]

        bot = gr.Chatbot(label="Conversation", placeholder="Say *hi*")
        gr.Interface(chat, gr.Textbox(label="Message"), bot).launch()
        """
    )
    open_app(page, url)
    chat = page.get_by_label("Conversation")
    expect(chat.locator(".lite-chat-placeholder em")).to_have_text("hi")
    page.get_by_label("Message").fill("Hi `bot` " + XSS)
    submit(page)
    user = chat.locator('[data-role="user"]')
    expect(user.locator("code")).to_have_text("bot")
    bot = chat.locator('[data-role="assistant"]')
    expect(bot.locator("strong")).to_have_text("Hello")
    expect(bot.locator("br")).to_have_count(1)  # line_breaks=True: a newline is a break
    expect(bot.locator(".lite-chat-bubble")).to_have_count(3)  # grouped: one row, 3 bubbles
    thought = bot.locator("details")
    expect(thought.locator("summary")).to_have_text("Thinking")
    expect(thought).not_to_have_attribute("open", "")
    expect(chat.locator(".lite-chat-text img")).to_have_count(2)  # kept, but defused
    # The app's file arrives as bytes and shows through an object URL.
    dot = bot.get_by_role("img", name="a dot")
    expect(dot).to_have_attribute("src", re.compile(r"^blob:"))
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth === 1", arg=dot.element_handle()
    )
    page.wait_for_timeout(300)  # give any handler a chance to fire
    assert page.evaluate("window.__xss") is None
    assert chat.locator("[onerror], script").count() == 0
