"""Components: Gradio's preprocess/postprocess semantics and input validation."""

import math

import pytest

import lite as gr
from lite.components import from_shortcut
from lite.errors import InputError, UnsupportedError


def test_textbox_round_trip_and_props():
    box = gr.Textbox(label="Name", lines=3, placeholder="Ada", info="Your name")
    assert box.preprocess("Ada") == "Ada"
    assert box.preprocess(None) == ""
    assert box.postprocess(42) == "42"
    assert box.postprocess(None) is None  # as Gradio sends it; the page shows it empty
    config = box.config(is_input=True)
    assert config["label"] == "Name" and config["info"] == "Your name"
    assert config["props"] == {"lines": 3, "max_lines": 20, "placeholder": "Ada", "type": "text"}
    with pytest.raises(InputError):
        box.preprocess(5)


@pytest.mark.parametrize(
    ("precision", "typed", "expected"),
    [
        (None, "3", 3),  # a whole number is an int, as on Gradio's page
        (0, "2.6", 3),
        (2, "3.14159", 3.14),
        (None, "  ", None),
        (None, "1e3", 1000),
    ],
)
def test_number_parses_what_was_typed(precision, typed, expected):
    value = gr.Number(precision=precision).preprocess(typed)
    assert value == expected
    assert type(value) is type(expected)


def test_number_rejects_text_and_out_of_range():
    with pytest.raises(InputError, match="Expected a number, got 'abc'"):
        gr.Number().preprocess("abc")
    with pytest.raises(InputError, match="less than the minimum"):
        gr.Number(minimum=0).preprocess("-1")
    with pytest.raises(InputError, match="more than the maximum"):
        gr.Number(maximum=10).preprocess(11)
    with pytest.raises(InputError):
        gr.Number().preprocess("nan")


def test_number_postprocess_rounds_and_hides_non_finite():
    assert gr.Number(precision=1).postprocess(2.345) == 2.3
    assert gr.Number().postprocess(math.inf) is None
    assert gr.Number().postprocess("4") == 4.0
    with pytest.raises(TypeError):
        gr.Number().postprocess("four")


def test_slider_defaults_and_range():
    slider = gr.Slider(2, 10)
    assert slider.config(is_input=True)["value"] == 2
    assert slider.preprocess("4") == 4 and type(slider.preprocess("4")) is int
    assert gr.Slider(0, 1, step=0.1).preprocess("0.5") == 0.5
    with pytest.raises(InputError, match="more than the maximum"):
        slider.preprocess("11")
    with pytest.raises(ValueError):
        gr.Slider(5, 1)


def test_checkbox_is_strictly_boolean():
    assert gr.Checkbox().preprocess(True) is True
    assert gr.Checkbox().config(is_input=True)["value"] is False
    with pytest.raises(InputError):
        gr.Checkbox().preprocess("yes")


def test_choices_accept_pairs_and_index_type():
    radio = gr.Radio([("Small", "s"), ("Large", "l")], type="index")
    assert radio.props() == {"choices": [["Small", "s"], ["Large", "l"]]}
    assert radio.preprocess("l") == 1
    with pytest.raises(InputError, match="not in the list of choices"):
        radio.preprocess("xl")
    group = gr.CheckboxGroup(["a", "b", "c"])
    assert group.preprocess(["a", "c"]) == ["a", "c"]
    assert group.postprocess("a") == ["a"]
    with pytest.raises(InputError):
        group.preprocess(["z"])


def test_dropdown_first_choice_custom_values_and_multiselect():
    assert gr.Dropdown(["x", "y"]).config(is_input=True)["value"] == "x"
    assert gr.Dropdown(["x"], allow_custom_value=True).preprocess("free") == "free"
    with pytest.raises(InputError):
        gr.Dropdown(["x"]).preprocess("free")
    multi = gr.Dropdown(["x", "y", "z"], multiselect=True, max_choices=2)
    assert multi.config(is_input=True)["value"] == []
    assert multi.preprocess(["x", "y"]) == ["x", "y"]
    with pytest.raises(InputError, match="at most 2"):
        multi.preprocess(["x", "y", "z"])


def test_json_and_label_outputs():
    assert gr.JSON().postprocess({"a": (1, 2), "b": {3}, "n": math.nan}) == {
        "a": [1, 2],
        "b": [3],
        "n": None,
    }
    assert gr.JSON().postprocess('{"k": 1}') == {"k": 1}
    with pytest.raises(TypeError, match="not JSON serializable"):
        gr.JSON().postprocess({"x": object()})
    label = gr.Label(num_top_classes=2).postprocess({"cat": 0.2, "dog": 0.7, "eel": 0.1})
    assert label == {
        "label": "dog",
        "confidences": [{"label": "dog", "confidence": 0.7}, {"label": "cat", "confidence": 0.2}],
    }
    assert gr.Label().postprocess("cat") == {"label": "cat", "confidences": None}
    assert gr.Label().postprocess(None) == {}


def test_markdown_and_html_stay_text():
    assert gr.Markdown().postprocess("  # Hi\n  there") == "# Hi\nthere"
    payload = "<img src=x onerror=alert(1)>"
    assert gr.HTML().postprocess(payload) == payload  # the page sanitises, not Python


def test_shortcuts_and_unknown_keywords():
    assert isinstance(from_shortcut("text"), gr.Textbox)
    assert from_shortcut("textarea").lines == 7
    assert isinstance(from_shortcut(gr.Number), gr.Number)
    with pytest.raises(UnsupportedError, match="'model3d'"):
        from_shortcut("model3d")
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        gr.Textbox(colour="red")
    gr.Textbox(elem_id="x", scale=2, show_copy_button=True)  # cosmetic keywords are fine


def test_callable_value_is_called_per_config():
    calls = []
    box = gr.Textbox(value=lambda: calls.append(1) or f"n{len(calls)}")
    assert box.config(is_input=True)["value"] == "n1"
    assert box.config(is_input=True)["value"] == "n2"
