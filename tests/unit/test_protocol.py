"""The Python side of the page/worker protocol matches the shared fixture.

web/ checks the same fixture against protocol.ts with tsc, so the two sides can't drift."""

import json
from pathlib import Path

import lite as gr
from lite import protocol
from lite.errors import InputError, Toast

FIXTURE = json.loads((Path(__file__).parents[1] / "protocol_examples.json").read_text())


def keys(message):
    return sorted(message)


def test_every_built_message_has_the_fixture_shape():
    built = {
        "progress": protocol.progress("runtime", "Starting Python"),
        "ready": protocol.ready({}),
        "boot-error": protocol.boot_error(ModuleNotFoundError("x")),
        "result-ok": protocol.result_ok(1, ["x"], [Toast("info", "Done", None, 10)]),
        "result-error": protocol.result_error(1, gr.Error("no"), []),
        "result-invalid": protocol.result_invalid(1, {1: InputError("bad")}),
        "state-changed": protocol.state_changed(["scores"]),
        "notice": protocol.notice("error", "bad"),
        "log": protocol.log("warning", "hi"),
        "event-progress": protocol.event_progress(
            1, [{"index": 3, "length": 10, "unit": "steps", "progress": None, "desc": "x"}]
        ),
        "partial": protocol.partial(1, ["Hel"]),
        "stopped": protocol.stopped(1),
        "shared-data-result": protocol.shared_data_result(7, [{"name": "s", "size": 1}]),
    }
    for name, message in built.items():
        assert keys(message) == keys(FIXTURE[name]), name
        assert message["type"] == FIXTURE[name]["type"]
    assert keys(built["boot-error"]["error"]) == keys(FIXTURE["boot-error"]["error"])
    assert keys(built["result-ok"]["toasts"][0]) == keys(FIXTURE["result-ok"]["toasts"][0])
    level = built["event-progress"]["levels"][0]
    assert keys(level) == keys(FIXTURE["event-progress"]["levels"][0])
    invalid = built["result-invalid"]["input_errors"][0]
    assert keys(invalid) == keys(FIXTURE["result-invalid"]["input_errors"][0])


def test_config_matches_the_fixture_shape():
    demo = gr.Interface(
        lambda name, count: name,
        [gr.Textbox(placeholder="Your name"), gr.Slider(0, 10, value=1, step=1, info="How many")],
        "text",
        examples=[["Ada", 2]],
        title="Greeter",
    )
    config = demo.config()
    expected = FIXTURE["ready"]["config"]
    assert keys(config) == keys(expected)
    assert keys(config["inputs"][0]) == keys(expected["inputs"][0])
    for mine, theirs in zip(
        config["inputs"] + config["outputs"], expected["inputs"] + expected["outputs"], strict=True
    ):
        assert mine["type"] == theirs["type"]
        assert keys(mine["props"]) == keys(theirs["props"])
    assert keys(config["examples"]) == keys(expected["examples"])


def test_every_component_has_a_fixture_example_with_its_props():
    """protocol.ts types each component's props; the fixture holds one config per type,
    which tsc checks against those types and this checks against the Python classes."""
    from lite.components.base import CLASSES

    examples = {c["type"]: c for c in FIXTURE["components"]}
    page_types = {cls.type for cls in CLASSES.values() if cls.type != "state"}
    assert page_types == set(examples)
    for cls in {CLASSES[name] for name in CLASSES}:
        if cls.type == "state":
            continue
        example = examples[cls.type]
        assert keys(cls().config(is_input=True)) == keys(example), cls
        assert keys(cls().props()) == keys(example["props"]), cls


def test_registry_gives_gradio_names_and_shortcuts():
    from lite.components import SHORTCUTS, from_shortcut

    assert gr.Text is gr.Textbox
    assert isinstance(from_shortcut("text"), gr.Textbox)
    assert type(from_shortcut("textarea")) is gr.TextArea
    assert SHORTCUTS["state"] is gr.State
    assert set(gr.__all__) >= {"Textbox", "Number", "Interface", "State"}
