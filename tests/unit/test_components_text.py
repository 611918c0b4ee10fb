"""Code, HighlightedText, ColorPicker, DateTime and Chatbot: preprocess / postprocess as
Gradio 6 documents (and its own tests check) them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

import lite as gr
from lite.components import from_shortcut
from lite.errors import Error, InputError

# The keywords the pinned Gradio's constructors take (recorded in tests/gradio/).
SIGNATURES = json.loads((Path(__file__).parents[1] / "gradio" / "signatures.json").read_text())
TEXT_COMPONENTS = [gr.Code, gr.HighlightedText, gr.ColorPicker, gr.DateTime, gr.Chatbot]
# A valid value for each keyword that needs one; True for the rest.
VALID = {
    "value": None,
    "language": "python",
    "type": "timestamp",
    "timezone": None,
    "label": "x",
    "info": "i",
    "every": None,
    "inputs": None,
    "lines": 3,
    "max_lines": 9,
    "visible": True,
    "elem_classes": ["a"],
    "key": "k",
    "preserved_by_key": "value",
    "buttons": None,
    "color_map": {"a": "red"},
    "adjacent_separator": " ",
    "height": 300,
    "max_height": "50vh",
    "min_height": None,
    "editable": "user",
    "latex_delimiters": [],
    "avatar_images": None,
    "feedback_options": ["Like"],
    "feedback_value": None,
    "layout": "panel",
    "placeholder": "Say hi",
    "examples": None,
    "allow_tags": True,
    "reasoning_tags": None,
    "scale": 1,
    "min_width": 100,
    "elem_id": "e",
}


@pytest.mark.parametrize("cls", TEXT_COMPONENTS, ids=lambda c: c.__name__)
def test_every_gradio_keyword_builds_a_working_component(cls):
    kwargs = {name: VALID.get(name, True) for name in SIGNATURES["components"][cls.__name__]}
    component = cls(**kwargs)
    component.config(is_input=True)  # and it still makes a config


def test_names_and_shortcuts_are_gradios():
    assert gr.Highlight is gr.HighlightedText is gr.Highlightedtext
    for name, cls in [
        ("code", gr.Code),
        ("highlight", gr.HighlightedText),
        ("highlightedtext", gr.HighlightedText),
        ("colorpicker", gr.ColorPicker),
        ("datetime", gr.DateTime),
        ("chatbot", gr.Chatbot),
    ]:
        assert type(from_shortcut(name)) is cls


# ---- Code ----


def test_code_passes_text_and_strips_what_it_shows():
    code = gr.Code(language="python")
    assert code.preprocess("x = 1\n") == "x = 1\n"
    assert code.preprocess(None) is None
    assert code.postprocess("\n  print(1)  \n") == "print(1)"
    assert code.postprocess(None) is None
    with pytest.raises(ValueError, match="tuple"):
        code.postprocess(("a.py",))
    with pytest.raises(InputError):
        code.preprocess(3)


def test_code_languages_and_sizes():
    assert "python" in gr.Code.languages and None in gr.Code.languages
    with pytest.raises(ValueError, match="not supported"):
        gr.Code(language="cobol")
    props = gr.Code(language="json", lines=8, max_lines=4).props()
    assert props == {
        "language": "json",
        "lines": 8,
        "max_lines": 8,  # never fewer than `lines`
        "wrap_lines": False,
        "show_line_numbers": True,
        "buttons": ["copy", "download"],
    }
    assert gr.Code().props()["max_lines"] is None
    assert gr.Code(buttons=["download"]).props()["buttons"] == ["download"]
    assert gr.Code(buttons=[]).props()["buttons"] == []


# ---- HighlightedText ----

WOLFGANG = [
    {"token": "", "class_or_confidence": None},
    {"token": "Wolfgang", "class_or_confidence": "PER"},
    {"token": " lives in ", "class_or_confidence": None},
    {"token": "Berlin", "class_or_confidence": "LOC"},
    {"token": "", "class_or_confidence": None},
]
TEXT = "Wolfgang lives in Berlin"


def test_highlighted_text_from_pairs_and_entities():
    ht = gr.HighlightedText()
    pairs = [("", None), ("Wolfgang", "PER"), (" lives in ", None), ("Berlin", "LOC"), ("", None)]
    assert ht.postprocess(pairs) == WOLFGANG
    entities = [{"entity": "PER", "start": 0, "end": 8}, {"entity": "LOC", "start": 18, "end": 24}]
    assert ht.postprocess({"text": TEXT, "entities": entities}) == WOLFGANG
    grouped = [
        {"entity": "LOC", "start": 18, "end": 24},  # out of order: sorted by start
        {"entity_group": "PER", "start": 0, "end": 8},
    ]
    assert ht.postprocess({"text": TEXT, "entities": grouped}) == WOLFGANG
    assert ht.postprocess({"text": "I live there", "entities": []}) == [
        {"token": "I live there", "class_or_confidence": None}
    ]
    assert ht.postprocess(None) is None
    with pytest.raises(ValueError, match="'text' and 'entities'"):
        ht.postprocess({"text": TEXT})


def test_highlighted_text_combine_adjacent():
    split = [
        {"entity": "PER", "start": 0, "end": 4},
        {"entity": "PER", "start": 4, "end": 8},
        {"entity": "LOC", "start": 18, "end": 24},
    ]
    plain = gr.HighlightedText().postprocess({"text": TEXT, "entities": split})
    assert [t["token"] for t in plain][:4] == ["", "Wolf", "", "gang"]
    merged = gr.HighlightedText(combine_adjacent=True).postprocess(
        {"text": TEXT, "entities": split}
    )
    assert merged == [
        {"token": "Wolfgang", "class_or_confidence": "PER"},
        {"token": " lives in ", "class_or_confidence": None},
        {"token": "Berlin", "class_or_confidence": "LOC"},
    ]
    spaced = gr.HighlightedText(combine_adjacent=True, adjacent_separator=" ")
    for value in (
        [("", None), ("foo", None), ("bar", None)],
        [("foo", None), ("", None), ("bar", None)],
    ):
        assert spaced.postprocess(value) == [{"token": "foo bar", "class_or_confidence": None}]


def test_highlighted_text_whitespace_scores_and_props():
    assert gr.HighlightedText(show_whitespaces=False).postprocess([(" Hi", "x")]) == [
        {"token": "Hi", "class_or_confidence": "x"}
    ]
    scores = gr.HighlightedText().postprocess([("good", 0.9), ("bad", -0.5), ("meh", None)])
    assert [t["class_or_confidence"] for t in scores] == [0.9, -0.5, None]
    props = gr.HighlightedText(color_map={"pos": "green"}, show_legend=True).props()
    assert props == {
        "color_map": {"pos": "green"},
        "show_legend": True,
        "show_inline_category": True,
        "rtl": False,
    }
    with pytest.raises(ValueError, match="pair"):
        gr.HighlightedText().postprocess(["just text"])


def test_highlighted_text_input_gives_the_page_form():
    ht = gr.HighlightedText()
    assert ht.preprocess(WOLFGANG) == WOLFGANG
    assert ht.preprocess(None) is None
    with pytest.raises(InputError):
        ht.preprocess("text")


# ---- ColorPicker ----


def test_color_picker_passes_the_hex_string():
    picker = gr.ColorPicker("#ff0000")
    assert picker.preprocess("#00ff00") == "#00ff00"
    assert picker.preprocess(None) is None
    assert picker.postprocess("#123456") == "#123456"
    assert picker.postprocess(None) is None
    assert picker.config(is_input=True)["value"] == "#ff0000"


# ---- DateTime ----


def test_datetime_preprocess_by_type():
    text = "2020-10-01 05:20:15"
    naive = datetime(2020, 10, 1, 5, 20, 15)
    assert gr.DateTime().preprocess(text) == naive.timestamp()
    assert gr.DateTime(type="datetime").preprocess(text) == naive
    assert gr.DateTime(type="string").preprocess(text) == text
    assert gr.DateTime(include_time=False, type="datetime").preprocess("2020-10-01") == datetime(
        2020, 10, 1
    )
    for empty in (None, "", "  "):
        assert gr.DateTime().preprocess(empty) is None


def test_datetime_now_and_bad_input():
    before = datetime.now().timestamp()
    assert gr.DateTime().preprocess("now") >= before
    two_hours = gr.DateTime(type="datetime").preprocess("now - 2h")
    assert abs((datetime.now() - two_hours).total_seconds() - 7200) < 5
    assert len(gr.DateTime(type="string").preprocess("now - 1d")) == len("2020-10-01 05:20:15")
    with pytest.raises(InputError, match="2024-05-01 13:45:00"):
        gr.DateTime().preprocess("yesterday-ish")
    with pytest.raises(InputError, match="relative to now"):
        gr.DateTime().preprocess("now + 3x")
    with pytest.raises(ValueError, match="type"):
        gr.DateTime(type="epoch")


def test_datetime_postprocess_and_timezone():
    dt = gr.DateTime()
    assert dt.postprocess(None) is None
    assert dt.postprocess("2020-10-01") == "2020-10-01"
    assert dt.postprocess(datetime(2020, 10, 1, 5, 20, 15)) == "2020-10-01 05:20:15"
    assert gr.DateTime(include_time=False).postprocess(datetime(2020, 10, 1, 5)) == "2020-10-01"
    stamp = datetime(2020, 10, 1, 12, 0, tzinfo=UTC).timestamp()
    assert gr.DateTime(timezone="UTC").postprocess(stamp) == "2020-10-01 12:00:00"
    paris = gr.DateTime(timezone="Europe/Paris")
    assert paris.postprocess(stamp) == "2020-10-01 14:00:00"
    assert paris.preprocess("2020-10-01 14:00:00") == stamp
    with pytest.raises(InputError, match="tzdata"):
        gr.DateTime(timezone="Mars/Olympus").postprocess(stamp)
    assert gr.DateTime().props() == {"include_time": True}


# ---- Chatbot ----


def test_chatbot_messages_become_typed_parts(tmp_path):
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"not really a png")
    bot = gr.Chatbot()
    history = [
        {"role": "user", "content": "  Hello\n  there"},
        {"role": "assistant", "content": "**Hi**", "metadata": {"title": "Thought"}},
        {"role": "assistant", "content": [{"path": str(picture), "alt_text": "a cat"}]},
    ]
    text, thought, file = bot.postprocess(history)
    assert text == {
        "role": "user",
        "metadata": None,
        "options": None,
        "content": [{"type": "text", "text": "Hello\nthere"}],
    }
    assert thought["metadata"] == {"title": "Thought"}
    assert thought["content"] == [{"type": "text", "text": "**Hi**"}]
    # A file is a FileData: its bytes travel to the page beside the JSON (lite/files.py).
    [part] = file["content"]
    assert part["type"] == "file" and part["alt_text"] == "a cat"
    assert part["file"]["_type"] == "file" and part["file"]["path"] == str(picture)
    # No name unless one is given, as Gradio (the page names it from the path: chatbot.ts).
    assert part["file"]["mime_type"] == "image/png" and part["file"]["orig_name"] is None
    named = bot.postprocess([{"role": "user", "content": {"path": str(picture), "orig_name": "c"}}])
    assert named[0]["content"][0]["file"]["orig_name"] == "c"
    assert bot.postprocess(None) == []
    assert bot.postprocess([{"role": "user", "content": None}]) == []  # nothing to show


def test_chatbot_files_by_url_and_missing_files():
    [message] = gr.Chatbot().postprocess(
        [{"role": "assistant", "content": {"path": "https://example.com/a/dog.jpg"}}]
    )
    file = message["content"][0]["file"]
    assert (file["path"], file["url"], file["orig_name"]) == (
        None,
        "https://example.com/a/dog.jpg",
        "dog.jpg",
    )
    assert file["mime_type"] == "image/jpeg"
    with pytest.raises(Error, match="no such file"):
        gr.Chatbot().postprocess([{"role": "user", "content": {"path": "nowhere/x.png"}}])


def test_chatbot_takes_chat_message_objects():
    out = gr.Chatbot().postprocess(
        [gr.ChatMessage("Hi"), gr.ChatMessage("Plan", role="user", metadata={"title": "T"})]
    )
    # A ChatMessage's metadata and options default to {} and [], and Gradio sends them so.
    assert [(m["role"], m["metadata"], m["options"], m["content"][0]["text"]) for m in out] == [
        ("assistant", {}, [], "Hi"),
        ("user", {"title": "T"}, [], "Plan"),
    ]


def test_chatbot_rejects_the_old_tuple_format():
    with pytest.raises(Error, match="messages format"):
        gr.Chatbot().postprocess([("hi", "hello")])
    with pytest.raises(ValueError, match="messages"):
        gr.Chatbot(type="tuples")
    assert gr.Chatbot(type="messages").props()["layout"] == "bubble"


def test_chatbot_preprocess_gives_messages_with_content_lists():
    bot = gr.Chatbot()
    page = bot.postprocess([{"role": "user", "content": "hi"}])
    assert bot.preprocess(page) == [
        {
            "role": "user",
            "metadata": None,
            "content": [{"type": "text", "text": "hi"}],
            "options": None,
        }
    ]
    assert bot.preprocess(None) == []


def test_chatbot_reasoning_tags_split_out_a_reasoning_message():
    bot = gr.Chatbot(reasoning_tags=[("<think>", "</think>")])
    out = bot.postprocess([{"role": "assistant", "content": "<think>hmm</think>The answer is 4."}])
    assert [(m["metadata"], m["content"][0]["text"]) for m in out] == [
        ({"title": "Reasoning", "status": "done"}, "hmm"),
        (None, "The answer is 4."),
    ]
    pending = bot.postprocess([{"role": "assistant", "content": "<think>still going"}])
    assert pending[0]["metadata"] == {"title": "Reasoning", "status": "pending"}


def test_chatbot_props_sizes():
    props = gr.Chatbot(height=300, max_height="60vh", placeholder="**Ask me**").props()
    assert props["height"] == "300px" and props["max_height"] == "60vh"
    assert props["placeholder"] == "**Ask me**"
    assert props["line_breaks"] is True and props["render_markdown"] is True
