"""Interface: labels, shortcuts, examples and Gradio's one-state rule."""

import pytest

import lite as gr
from lite.errors import UnsupportedError


def greet(name, intensity):
    return "Hello, " + name + "!" * int(intensity)


def test_default_labels_follow_gradio():
    demo = gr.Interface(greet, ["text", "slider"], "text")
    config = demo.config()
    assert [c["label"] for c in config["inputs"]] == ["name", "intensity"]
    assert [c["label"] for c in config["outputs"]] == ["output"]
    several = gr.Interface(lambda a: (a, a), "text", ["text", gr.Number()]).config()
    assert [c["label"] for c in several["outputs"]] == ["output 0", "output 1"]
    explicit = gr.Interface(greet, [gr.Textbox(label="Who"), "slider"], gr.Textbox(label="Out"))
    assert explicit.config()["inputs"][0]["label"] == "Who"


def test_config_carries_page_settings():
    demo = gr.Interface(
        greet,
        ["text", "slider"],
        "text",
        examples=[["Ada", 3], ["Alan", 5]],
        title="Hi",
        description="Say *hi*",
        article="The end",
        live=True,
        flagging_mode="never",
        theme="soft",
    )
    config = demo.config()
    assert config["title"] == "Hi" and config["description"] == "Say *hi*"
    assert config["article"] == "The end" and config["live"] is True
    assert config["examples"] == {
        "headers": ["name", "intensity"],
        "rows": [["Ada", 3], ["Alan", 5]],
        "per_page": 10,
        "labels": None,
        "cache": None,
        "outputs": None,
    }
    assert config["submit_btn"] == "Submit" and config["clear_btn"] == "Clear"


def test_single_input_examples_may_be_flat():
    demo = gr.Interface(lambda s: s, "text", "text", examples=["a", "b"])
    assert demo.config()["examples"]["rows"] == [["a"], ["b"]]
    with pytest.raises(ValueError, match="needs 2 values"):
        gr.Interface(greet, ["text", "slider"], "text", examples=[["only one"]])


def test_state_rule():
    with pytest.raises(ValueError, match="exactly one state input and one state output"):
        gr.Interface(lambda s: s, "state", "text")
    with pytest.raises(ValueError, match="exactly one"):
        gr.Interface(lambda a, b: (a, b), ["state", "state"], ["state", "state"])


def test_state_is_linked_and_never_reaches_the_page():
    initial = gr.State(value=[1])
    demo = gr.Interface(lambda m, h: (m, h), ["textbox", initial], ["json", gr.State()])
    assert demo.state is initial
    assert demo.output_components[1] is initial
    config = demo.config()
    assert [c["type"] for c in config["inputs"]] == ["textbox"]
    assert [c["type"] for c in config["outputs"]] == ["json"]
    assert config["outputs"][0]["label"] == "output 0"


def test_state_shortcut_takes_the_fn_default():
    def fn(message, history=["start"]):  # noqa: B006 - Gradio reads this default
        return history

    demo = gr.Interface(fn, ["text", "state"], ["json", "state"])
    assert demo.state is not None and demo.state.value == ["start"]


def test_unknown_interface_keyword_is_a_type_error():
    with pytest.raises(TypeError, match="'colour'"):
        gr.Interface(greet, "text", "text", colour="red")


def test_launch_accepts_server_arguments():
    demo = gr.Interface(greet, ["text", "slider"], "text")
    assert demo.launch(server_port=7860, share=True, mcp_server=True) is demo


def test_gradio_alias_names_missing_features():
    from lite import gradio_alias

    assert gradio_alias.Interface is gr.Interface
    with pytest.raises(UnsupportedError, match=r"gr\.Blocks is not supported"):
        _ = gradio_alias.Blocks
    with pytest.raises(AttributeError):
        _ = gradio_alias._private
