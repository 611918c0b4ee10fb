"""Interface(...) and launch(...) take every keyword Gradio 6 takes; the meaningful ones
reach the page config, the server-only ones are accepted and do nothing."""

from __future__ import annotations

import pytest

import lite as gr


def fn(x):
    return x


def test_every_gradio_interface_keyword_is_accepted():
    demo = gr.Interface(
        fn,
        "text",
        "text",
        examples=[["a"], ["b"], ["c"]],
        cache_examples=False,
        cache_mode="lazy",
        examples_per_page=2,
        example_labels=["A", "B", "C"],
        preload_example=0,
        live=False,
        title="t",
        description="d",
        article="a",
        flagging_mode="manual",
        flagging_options=["Good", "Bad"],
        flagging_dir=".gradio/flagged",
        flagging_callback=None,
        analytics_enabled=False,
        batch=False,
        max_batch_size=4,
        api_visibility="public",
        api_name="run",
        api_description=None,
        allow_duplication=False,
        concurrency_limit="default",
        additional_inputs=None,
        additional_inputs_accordion=None,
        submit_btn="Go",
        stop_btn="Halt",
        clear_btn=None,
        delete_cache=None,
        show_progress="minimal",
        fill_width=True,
        time_limit=30,
        stream_every=0.5,
        deep_link=None,
        validator=None,
        theme=gr.themes.Soft(primary_hue="blue"),
        css=".lite-app { color: red }",
        js=None,
        head=None,
        css_paths=None,
        head_paths=None,
        fill_height=False,
    )
    config = demo.config()
    assert config["submit_btn"] == "Go" and config["stop_btn"] == "Halt"
    assert config["clear_btn"] is None and config["show_progress"] == "minimal"
    assert config["theme"] == "soft" and config["css"] == ".lite-app { color: red }"
    assert config["flagging_options"] == [["Flag as Good", "Good"], ["Flag as Bad", "Bad"]]
    assert config["examples"]["per_page"] == 2 and config["examples"]["labels"] == ["A", "B", "C"]
    assert config["api_name"] == "run"


def test_defaults_follow_gradio():
    config = gr.Interface(fn, "text", "text").config()
    assert config["stop_btn"] == "Stop" and config["show_progress"] == "full"
    assert config["flagging_mode"] == "manual" and config["flagging_options"] == [["Flag", None]]
    assert config["theme"] is None and config["css"] is None


def test_bad_keywords_and_values_are_errors_as_in_gradio():
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        gr.Interface(fn, "text", "text", colour="red")
    with pytest.raises(ValueError, match="show_progress"):
        gr.Interface(fn, "text", "text", show_progress="loud")
    with pytest.raises(ValueError, match="flagging_mode"):
        gr.Interface(fn, "text", "text", flagging_mode="sometimes")


def test_additional_inputs_and_button_objects():
    demo = gr.Interface(
        lambda a, b: a + b, "text", "text", additional_inputs=[gr.Textbox(label="Extra")]
    )
    assert [c.label for c in demo.input_components] == ["a", "Extra"]
    demo = gr.Interface(fn, "text", "text", stop_btn=False, clear_btn=True, allow_flagging="never")
    config = demo.config()
    assert config["stop_btn"] is None and config["clear_btn"] == "Clear"
    assert config["flagging_mode"] == "never"


def test_launch_takes_gradio_keywords_and_applies_theme_and_css():
    demo = gr.Interface(fn, "text", "text")
    assert (
        demo.launch(
            False,
            False,
            False,
            False,
            40,
            None,
            None,
            False,
            True,
            "0.0.0.0",
            7860,
            height=500,
            width="100%",
            favicon_path=None,
            ssl_verify=True,
            quiet=True,
            footer_links=None,
            allowed_paths=[],
            root_path="",
            max_file_size="5mb",
            ssr_mode=False,
            pwa=False,
            mcp_server=False,
            i18n=None,
            theme="gradio/monochrome",
            css="h1 { color: red }",
            js=None,
            head=None,
        )
        is demo
    )
    assert demo.config()["theme"] == "monochrome" and demo.config()["css"] == "h1 { color: red }"
    with pytest.raises(TypeError, match="unexpected keyword argument 'port'"):
        demo.launch(port=80)


def test_tabbed_interface_checks_its_arguments():
    one = gr.Interface(fn, "text", "text")
    with pytest.raises(ValueError, match="one name per Interface"):
        gr.TabbedInterface([one], ["a", "b"])
    tabs = gr.TabbedInterface([one, gr.Interface(fn, "number", "number")])
    assert [t["name"] for t in tabs.config()["tabs"]] == ["Tab 0", "Tab 1"]


def test_examples_from_a_directory(tmp_path, monkeypatch):
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "log.csv").write_text("name,count\nAda,2\nAlan,3\n")
    monkeypatch.chdir(tmp_path)
    demo = gr.Interface(lambda n, c: n, ["text", "text"], "text", examples="examples")
    assert demo.config()["examples"]["rows"] == [["Ada", "2"], ["Alan", "3"]]
    files = tmp_path / "images"
    files.mkdir()
    (files / "b.txt").write_text("b")
    (files / "a.txt").write_text("a")
    single = gr.Interface(fn, "text", "text", examples="images")
    assert [r[0].rsplit("/", 1)[1] for r in single.examples] == ["a.txt", "b.txt"]
    with pytest.raises(ValueError, match="needs a log.csv"):
        gr.Interface(lambda a, b: a, ["text", "text"], "text", examples="images")
    with pytest.raises(ValueError, match="does not exist"):
        gr.Interface(fn, "text", "text", examples="nowhere")
