"""The JS API of <gradio-lite>: el.ready, el.predict and the lite-* events, driven from the
page's own script as an embedding page would."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

README = Path(__file__).parents[2] / "README.md"

APP = """
import gradio as gr

hits = []

def shout(text, times, count):
    if text == "boom":
        raise ValueError("no booms")
    if text == "oops":
        raise gr.Error("Say something else.")
    hits.append(text)
    count = count + 1
    return (text.upper() + "!") * int(times), count, count

gr.Interface(shout, [gr.Textbox(label="Text"), gr.Number(label="Times", value=1), gr.State(0)],
             [gr.Textbox(label="Shouted"), gr.Number(label="Calls"), gr.State()],
             api_name="shout").launch()
"""


def page_for(code: str, extra: str = "") -> str:
    # The listener script runs before lite.js (a deferred module) defines the element,
    # so it sees every event, lite-ready included.
    return f"""
        <!doctype html>
        <link rel="stylesheet" href="lite.css">
        <script type="module" src="lite.js"></script>
        <gradio-lite>{code}</gradio-lite>
        <script>
          window.events = [];
          const el = document.querySelector("gradio-lite");
          for (const type of ["lite-ready", "lite-result", "lite-error", "lite-state-changed"]) {{
            el.addEventListener(type, (e) => window.events.push({{type, detail: e.detail}}));
          }}
        </script>
        {extra}
    """


def predict(page: Page, *args: object) -> dict:
    """el.predict(...args): {"data": [...]} or {"error": {name, message}}."""
    return page.evaluate(
        """(args) => document.querySelector("gradio-lite").predict(...args).then(
             (r) => ({data: r.data, endpoint: r.endpoint}),
             (e) => ({error: {name: e.name, message: e.message}}))""",
        list(args),
    )


def events(page: Page, type: str) -> list[dict]:
    return [e["detail"] for e in page.evaluate("window.events") if e["type"] == type]


def test_predict_by_list_by_label_and_by_endpoint(page, html_page, open_app):
    url = html_page(page_for(APP))
    app = open_app(page, url)
    assert page.evaluate('document.querySelector("gradio-lite").config.api_name') == "shout"
    assert predict(page, ["hi", 2]) == {"data": ["HI!HI!", 1], "endpoint": "/shout"}
    # By label; a label left out takes the input's initial value (Times = 1).
    assert predict(page, {"Text": "yo"})["data"] == ["YO!", 2]
    assert predict(page, "/shout", {"Times": 3, "Text": "a"})["data"] == ["A!A!A!", 3]
    assert predict(page, "/shout", ["b", 1])["data"] == ["B!", 4]
    # The form was never touched...
    expect(app.get_by_label("Text")).to_have_value("")
    expect(app.get_by_label("Shouted")).to_have_text("")
    # ...and the session state is the page's: the form's submit counts on from there.
    app.get_by_label("Text").fill("form")
    page.get_by_role("button", name="Submit").click()
    expect(app.get_by_label("Calls")).to_have_text("5")
    # Calls that don't fit the app say what it takes, and call nothing.
    wrong = predict(page, "/predict", ["x", 1])["error"]
    assert wrong["name"] == "TypeError"
    assert '"/shout"' in wrong["message"]
    assert 'No input labelled "Txt"' in predict(page, {"Txt": "x"})["error"]["message"]
    assert "takes 2 input value(s)" in predict(page, ["only"])["error"]["message"]
    assert predict(page, ["c", 1])["data"] == ["C!", 6]


def test_predict_rejects_with_the_error(page, html_page, open_app):
    url = html_page(page_for(APP))
    app = open_app(page, url)
    assert predict(page, ["boom", 1]) == {"error": {"name": "ValueError", "message": "no booms"}}
    assert predict(page, ["oops", 1]) == {
        "error": {"name": "Error", "message": "Say something else."}
    }
    refused = predict(page, ["x", "many"])["error"]
    assert refused["message"].startswith("Times: ")
    # Nothing of it shows in the form, and the app goes on.
    expect(app.locator(".lite-errors")).to_be_empty()
    assert predict(page, ["ok", 1])["data"] == ["OK!", 1]


def test_events_tell_the_page_what_happened(context, html_page, open_app):
    url = html_page(page_for(APP))
    tab, other = context.new_page(), context.new_page()
    app = open_app(tab, url)
    open_app(other, url)
    [ready] = events(tab, "lite-ready")
    assert ready["config"]["api_name"] == "shout"
    predict(tab, ["hi", 1])
    predict(tab, ["boom", 1])
    tab.bring_to_front()
    app.get_by_label("Text").fill("form")
    tab.get_by_role("button", name="Submit").click()
    expect(app.get_by_label("Calls")).to_have_text("2")
    results = events(tab, "lite-result")
    assert [(r["source"], r["data"]) for r in results] == [
        ("predict", ["HI!", 1]),
        ("form", ["FORM!", 2]),
    ]
    [error] = events(tab, "lite-error")
    assert error["phase"] == "event"
    assert (error["type"], error["message"], error["source"]) == (
        "ValueError",
        "no booms",
        "predict",
    )
    assert "Traceback" in error["traceback"]
    # The other tab heard that the shared `hits` changed.
    other.wait_for_function(
        "window.events.some((e) => e.type === 'lite-state-changed')", polling=100
    )
    assert events(other, "lite-state-changed")[0]["names"] == ["hits"]


def test_ready_rejects_with_the_boot_error(page, html_page, open_app):
    url = html_page(page_for("import gradio as gr\nraise RuntimeError('no app today')\n"))
    open_app(page, url, expect_error=True)
    failure = page.evaluate(
        """() => document.querySelector("gradio-lite").ready.then(() => null,
             (e) => ({name: e.name, message: e.message, traceback: e.traceback}))"""
    )
    assert failure["name"] == "RuntimeError"
    assert failure["message"] == "no app today"
    assert "Traceback" in failure["traceback"]
    [error] = events(page, "lite-error")
    assert error["phase"] == "boot"
    # predict waits for the boot, so it rejects with the same error.
    assert predict(page, ["x"])["error"]["name"] == "RuntimeError"


def test_predict_on_a_generator_resolves_with_its_last_values(page, html_page, open_app):
    code = """
import gradio as gr

def count(n):
    for i in range(int(n)):
        yield f"step {i + 1}"

gr.Interface(count, gr.Number(label="N"), "text").launch()
"""
    app = open_app(page, html_page(page_for(code)))
    assert predict(page, [3])["data"] == ["step 3"]
    # Its partial results stream past the form, which is left alone.
    expect(app.get_by_label("output")).to_have_text("")
    assert [r["source"] for r in events(page, "lite-result")] == ["predict"]


def readme_page() -> str:
    text = README.read_text("utf-8")
    section = text[text.index("### Calling the app from the page's own script") :]
    match = re.search(r"```html\n(.*?)```", section, re.S)
    assert match, "the README's JS API section has an HTML example"
    return match[1]


def test_the_readme_page_calls_predict_from_a_button(page, html_page, open_app):
    url = html_page(readme_page())
    app = open_app(page, url)
    go = page.get_by_role("button", name='Shout "hello" twice')
    expect(go).to_be_enabled()
    go.click()
    expect(page.locator("#answer")).to_have_text("HELLO! HELLO! ")
    expect(app.get_by_label("Shouted")).to_have_text("")
