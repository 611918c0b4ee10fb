"""The Interface in real Chromium: built sites, real Pyodide, the built wheel and bundle."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

EXAMPLES = Path(__file__).parents[2] / "examples"


def read_json(page: Page, label: str) -> object:
    return json.loads(page.get_by_label(label, exact=True).inner_text())


def submit(page: Page) -> None:
    page.get_by_role("button", name="Submit").click()


def test_hello_world_answers(page, built_site, open_app):
    open_app(page, built_site(EXAMPLES / "hello_world" / "app.py"))
    page.get_by_label("name").fill("Ada")
    page.get_by_label("intensity").fill("3")
    submit(page)
    expect(page.get_by_label("output")).to_have_text("Hello, Ada!!!")


def test_session_state_is_per_page_and_resets_on_refresh(context, built_site, open_app):
    url = built_site(EXAMPLES / "message_store" / "app.py")
    first, second = context.new_page(), context.new_page()
    open_app(first, url)
    open_app(second, url)
    for message in ["one", "two"]:
        first.get_by_label("message").fill(message)
        submit(first)
        expect(first.get_by_label("output 0")).to_contain_text(f'"{message}"')
    assert read_json(first, "output 0") == {
        "Current messages": "two",
        "Previous messages": ["one"],
    }
    # Another tab is another session.
    second.get_by_label("message").fill("elsewhere")
    submit(second)
    expect(second.get_by_label("output 0")).to_contain_text("elsewhere")
    assert read_json(second, "output 0")["Previous messages"] == []
    # A refresh starts a new session with a fresh copy of the initial value.
    open_app(first, url)
    first.get_by_label("message").fill("three")
    submit(first)
    expect(first.get_by_label("output 0")).to_contain_text("three")
    assert read_json(first, "output 0")["Previous messages"] == []


def test_global_app_works_in_one_tab(page, built_site, open_app):
    open_app(page, built_site(EXAMPLES / "score_tracker" / "app.py"))
    for score, top in [("5", [5.0]), ("7", [7.0, 5.0]), ("6", [7.0, 6.0, 5.0])]:
        page.get_by_label("Score", exact=True).fill(score)
        submit(page)
        expect(page.get_by_label("Top Scores")).to_contain_text(score)
        assert read_json(page, "Top Scores") == top


def test_gr_error_then_recovery(page, built_site, open_app):
    open_app(page, built_site(EXAMPLES / "calculator" / "app.py"))
    page.get_by_label("num1").fill("4")
    page.get_by_label("divide").check()
    page.get_by_label("num2").fill("0")
    submit(page)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Cannot divide by zero!")
    expect(alert.locator("details")).to_have_count(0)  # gr.Error shows no traceback
    page.get_by_label("num2").fill("2")
    submit(page)
    expect(page.get_by_label("output")).to_have_text("2")
    expect(page.get_by_role("alert")).to_have_count(0)


def test_unexpected_exception_shows_type_and_traceback(page, app_from_source, open_app):
    url = app_from_source(
        """
        import gradio as gr

        def lookup(key):
            if key == "boom":
                return {}[key]
            return key.upper()

        gr.Interface(lookup, "text", "text").launch()
        """
    )
    open_app(page, url)
    page.get_by_label("key").fill("boom")
    submit(page)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("KeyError: 'boom'")
    alert.get_by_text("Traceback", exact=True).click()
    expect(alert.locator("pre")).to_contain_text("return {}[key]")
    page.get_by_label("key").fill("fine")
    submit(page)
    expect(page.get_by_label("output")).to_have_text("FINE")


def test_bad_input_gets_its_message_and_fn_is_not_called(page, app_from_source, open_app):
    url = app_from_source(
        """
        import gradio as gr

        calls = []

        def fn(age, level):
            calls.append(age)
            return len(calls)

        inputs = [gr.Number(label="Age"), gr.Slider(0, 5, label="Level")]
        gr.Interface(fn, inputs, "number").launch()
        """
    )
    open_app(page, url)
    page.get_by_label("Age").fill("abc")
    page.get_by_label("Level").fill("9")
    submit(page)
    expect(page.get_by_text("Expected a number, got 'abc'.")).to_be_visible()
    expect(page.get_by_text("Value 9 is more than the maximum, 5.")).to_be_visible()
    expect(page.get_by_label("Age")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Age").fill("30")
    page.get_by_label("Level").fill("2")
    submit(page)
    expect(page.get_by_label("output")).to_have_text("1")  # the bad submit never ran fn
    expect(page.get_by_text("Expected a number")).to_have_count(0)


def test_every_component_is_labelled_and_works(page, built_site, open_app):
    open_app(page, built_site(EXAMPLES / "all_components" / "app.py"))
    for label in [
        "Name",
        "Bio",
        "Age",
        "Level",
        "Subscribe",
        "Topics",
        "Size",
        "Colour",
        "Extras",
        "Greeting",
        "Profile",
        "Interests",
        "Summary",
        "Badge",
    ]:
        expect(page.get_by_label(label, exact=True)).to_have_count(1)
    expect(page.get_by_role("heading", name="Every component")).to_be_visible()
    page.get_by_label("Name", exact=True).fill("Grace")
    page.get_by_label("Bio").fill("Wrote *compilers*.")
    page.get_by_label("Subscribe").check()
    page.get_by_label("poetry").check()
    page.get_by_label("L", exact=True).check()
    page.get_by_label("Colour").select_option("red")
    submit(page)
    expect(page.get_by_label("Greeting")).to_have_text("Grace (36)")
    profile = page.get_by_label("Profile")
    expect(profile).to_contain_text('"colour": "red"')
    assert read_json(page, "Profile")["topics"] == ["poetry"]
    expect(page.get_by_label("Interests")).to_contain_text("poetry")
    expect(page.get_by_label("Summary").locator("em", has_text="compilers")).to_have_count(1)
    expect(page.get_by_label("Badge").locator("strong")).to_have_text("L")
    expect(page.get_by_text("Grace subscribed.")).to_be_visible()  # gr.Info toast


def test_example_fills_inputs_and_clear_resets(page, built_site, open_app):
    open_app(page, built_site(EXAMPLES / "calculator" / "app.py"))
    page.get_by_role("button", name="144").click()
    expect(page.get_by_label("num1")).to_have_value("144")
    expect(page.get_by_label("multiply")).to_be_checked()
    expect(page.get_by_label("num2")).to_have_value("2.5")
    submit(page)
    expect(page.get_by_label("output")).to_have_text("360")
    page.get_by_role("button", name="Clear").click()
    expect(page.get_by_label("num1")).to_have_value("")
    expect(page.get_by_label("output")).to_have_text("")


def test_quick_clicks_are_queued_not_lost(page, built_site, open_app):
    open_app(page, built_site(EXAMPLES / "score_tracker" / "app.py"))
    for score in ["1", "2", "3", "4"]:
        page.get_by_label("Score", exact=True).fill(score)
        submit(page)
    expect(page.get_by_label("Top Scores")).to_contain_text("4")
    assert read_json(page, "Top Scores") == [4.0, 3.0, 2.0]


XSS = '<img src=x onerror="window.__xss=(window.__xss||0)+1"><script>window.__xss=1</script>'


def test_xss_payloads_do_not_run(page, app_from_source, open_app):
    url = app_from_source(
        f"""
        import gradio as gr

        def echo(text):
            return text, text, text, {{"t": text}}

        gr.Interface(
            echo,
            gr.Textbox(label="Payload"),
            [gr.Textbox(label="As text"), gr.Markdown(label="As markdown"),
             gr.HTML(label="As HTML"), gr.JSON(label="As JSON")],
            title={XSS!r},
            description={XSS!r},
            article={XSS!r},
        ).launch()
        """
    )
    open_app(page, url)
    page.get_by_label("Payload").fill(XSS)
    submit(page)
    expect(page.get_by_label("As text")).to_have_text(XSS)  # text stays text
    expect(page.get_by_label("As HTML").locator("img")).to_have_count(1)  # kept, but defused
    page.wait_for_timeout(300)  # give any handler a chance to fire
    assert page.evaluate("window.__xss") is None
    assert page.locator("gradio-lite [onerror]").count() == 0


def test_import_error_shows_traceback(page, app_from_source, open_app):
    url = app_from_source(
        """
        import gradio as gr
        import helper
        """,
        helper__py="import module_that_is_not_there\n",
    )
    app = open_app(page, url, expect_error=True)
    expect(app.get_by_role("alert")).to_contain_text("ModuleNotFoundError")
    expect(app.locator("pre")).to_contain_text("helper.py")
    expect(app.locator("pre")).to_contain_text("import module_that_is_not_there")


def test_unsupported_gradio_feature_is_named(page, app_from_source, open_app):
    url = app_from_source(
        """
        import gradio as gr
        with gr.Blocks() as demo:
            pass
        """
    )
    app = open_app(page, url, expect_error=True)
    expect(app.get_by_role("alert")).to_contain_text("gr.Blocks is not supported by lite")


def test_inline_gradio_lite_page(page, html_page, open_app):
    url = html_page(
        """
        <!doctype html>
        <link rel="stylesheet" href="lite.css">
        <script type="module" src="lite.js"></script>
        <gradio-lite>
        <gradio-file name="app.py" entrypoint>
        import gradio as gr
        from util import shout
        gr.Interface(shout, gr.Textbox(label="Word"), "text").launch()
        </gradio-file>
        <gradio-file name="util.py">
        def shout(word):
            return word.upper() + "!"
        </gradio-file>
        </gradio-lite>
        """
    )
    open_app(page, url)
    page.get_by_label("Word").fill("hey")
    submit(page)
    expect(page.get_by_label("output")).to_have_text("HEY!")


def make_wheel(folder: Path) -> str:
    """A tiny pure-Python wheel, as an app would ship next to app.py."""
    import zipfile

    name = "shouty-1.0-py3-none-any.whl"
    with zipfile.ZipFile(folder / name, "w") as wheel:
        wheel.writestr("shouty/__init__.py", "def shout(s):\n    return s.upper() + '!!'\n")
        info = "shouty-1.0.dist-info"
        wheel.writestr(f"{info}/METADATA", "Metadata-Version: 2.1\nName: shouty\nVersion: 1.0\n")
        wheel.writestr(
            f"{info}/WHEEL",
            "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
        wheel.writestr(f"{info}/RECORD", "")
    return name


def test_requirements_install_offline_from_a_shipped_wheel(page, built_site, open_app, tmp_path):
    app = "import gradio as gr\nfrom shouty import shout\ngr.Interface(shout, 'text', 'text')\n"
    (tmp_path / "app.py").write_text(app)
    (tmp_path / "requirements.txt").write_text(make_wheel(tmp_path) + "\n")
    open_app(page, built_site(tmp_path / "app.py"))
    page.get_by_label("s").fill("hi")
    submit(page)
    expect(page.get_by_label("output")).to_have_text("HI!!")


def test_boot_restores_the_memory_snapshot(page, built_site, open_app):
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    warnings = []
    page.on("console", lambda message: warnings.append(message.text))
    open_app(page, built_site(EXAMPLES / "hello_world" / "app.py"))
    assert "snapshot.bin.gz" in fetched
    assert not [w for w in warnings if "booting normally" in w]


def test_a_broken_snapshot_falls_back_to_a_normal_boot(
    page, built_site, site_server, open_app, tmp_path
):
    app = tmp_path / "app.py"
    app.write_text((EXAMPLES / "hello_world" / "app.py").read_text())
    url = built_site(app)
    folder = site_server.root / url.rstrip("/").rsplit("/", 1)[-1]
    (folder / "pyodide" / "snapshot.bin.gz").write_bytes(b"not a snapshot")
    warnings = []
    page.on("console", lambda message: warnings.append(message.text))
    open_app(page, url)
    assert [w for w in warnings if "booting normally" in w]
    page.get_by_label("name").fill("Ada")
    page.get_by_label("intensity").fill("1")
    submit(page)
    expect(page.get_by_label("output")).to_have_text("Hello, Ada!")


def test_prerendered_ui_takes_input_before_python_is_ready(page, built_site):
    url = built_site(EXAMPLES / "hello_world" / "app.py")
    held = []
    # Hold Python's start back until the test has typed and clicked.
    page.route("**/pyodide-lock.json", lambda route: held.append(route))
    page.goto(url)
    name = page.get_by_label("name")
    expect(name).to_be_visible()  # the pre-rendered UI, from app.json
    expect(page.locator("gradio-lite")).to_have_attribute("data-status", "loading")
    name.fill("Early")
    page.get_by_label("intensity").fill("2")
    submit(page)
    field = name.element_handle()
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()
    expect(page.get_by_label("output")).to_have_text("Hello, Early!!", timeout=60_000)
    # Python's own config matched the pre-rendered one, so the UI was kept, not redrawn.
    assert field.evaluate("(element) => element.isConnected")
