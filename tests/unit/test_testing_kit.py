"""Host tests of the testing kit's logic: value conversion, app paths, Chromium options."""

from __future__ import annotations

from pathlib import Path

import pytest

from lite.testing import browser
from lite.testing.components import KINDS, choices, kind, through_widget
from lite.testing.plugin import Sites, app_path


def config(type: str, **props: object) -> dict:
    return {"type": type, "label": "L", "props": props}


@pytest.mark.parametrize(
    ("component", "props", "shown", "expected"),
    [
        ("number", {"precision": None}, 7, 7.0),
        ("number", {"precision": 0}, 7, 7),
        ("number", {"precision": 2}, 1.25, 1.25),
        ("number", {}, None, None),
        ("slider", {"minimum": 0, "step": 1}, 4, 4),
        ("slider", {"minimum": 0, "step": 0.5}, 4, 4.0),
        ("checkbox", {}, True, True),
        ("checkboxgroup", {}, None, []),
        ("json", {}, {"a": [1, 2]}, {"a": [1, 2]}),
        (
            "label",
            {},
            {"label": "cat", "confidences": [{"label": "cat", "confidence": 0.9}]},
            {"cat": 0.9},
        ),
        ("label", {}, {"label": "cat", "confidences": []}, "cat"),
        ("label", {}, None, None),
        ("textbox", {}, "hi", "hi"),
        ("dataframe", {}, {"headers": ["a"], "data": [[1], [2]], "metadata": None}, [[1], [2]]),
        ("highlightedtext", {}, [{"token": "x", "class_or_confidence": "n"}], [("x", "n")]),
        (
            "chatbot",
            {},
            [{"role": "user", "content": [{"type": "text", "text": "hi"}], "metadata": None}],
            [{"role": "user", "content": "hi"}],
        ),
        ("gallery", {}, [{"image": "/tmp/a.png", "caption": "A"}], [("/tmp/a.png", "A")]),
        ("image", {}, "/tmp/a.png", "/tmp/a.png"),
        ("a-component-from-later", {}, [1], [1]),
    ],
)
def test_outputs_read_back_as_the_function_returned_them(component, props, shown, expected):
    value = kind(config(component, **props)).read(shown, config(component, **props))
    assert value == expected
    assert type(value) is type(expected)  # 7 == 7.0, but the type matters


def test_every_component_has_its_entry_and_a_new_one_works_through_its_widget():
    import lite.components  # noqa: F401 - fills the registry
    from lite.components.base import CLASSES

    types = {cls.type for cls in CLASSES.values()} - {"state"}
    missing = sorted(types - set(KINDS))
    assert not missing, f"add an entry for {missing} to KINDS in lite/testing/components.py"
    assert kind(config("a-component-from-later")).set is through_widget


def test_choices_are_display_value_pairs_or_bare_values():
    assert choices(config("radio", choices=[["One", 1], ["Two", 2]])) == [("One", 1), ("Two", 2)]
    assert choices(config("radio", choices=["a", 3])) == [("a", "a"), ("3", 3)]
    assert choices(config("radio")) == []


def test_app_path_is_next_to_the_test_then_the_working_directory(tmp_path, monkeypatch):
    sites = Sites.__new__(Sites)  # no server: only the source cache is used here
    sites.root = tmp_path / "www"
    sites._sources = {}
    tests, cwd = tmp_path / "tests", tmp_path / "cwd"
    tests.mkdir()
    cwd.mkdir()
    (tests / "app.py").write_text("x = 1\n")
    (cwd / "other.py").write_text("x = 2\n")
    monkeypatch.chdir(cwd)
    assert app_path("app.py", sites, tests) == tests / "app.py"
    assert app_path(Path("other.py"), sites, tests) == cwd / "other.py"
    with pytest.raises(FileNotFoundError, match="no app file 'gone.py' next to the test"):
        app_path("gone.py", sites, tests)
    source = app_path("    import gradio as gr\n    print(1)\n", sites, tests)
    assert source.read_text() == "import gradio as gr\nprint(1)\n"
    assert app_path("import gradio as gr\nprint(1)\n", sites, tests) == source


def test_chromium_options(monkeypatch, tmp_path):
    monkeypatch.delenv("LITE_CHROMIUM", raising=False)
    bundled = tmp_path / "chrome"
    # Playwright names its Chromium even when it isn't downloaded: then the system's.
    monkeypatch.setattr(browser, "SYSTEM_CHROMIUM", str(tmp_path / "chromium"))
    # Neither is there: Playwright's own error will say what to install.
    assert "executable_path" not in browser.launch_args({}, str(bundled))
    (tmp_path / "chromium").write_text("")
    args = browser.launch_args({"headless": False}, str(bundled))
    assert args["executable_path"] == browser.SYSTEM_CHROMIUM
    assert args["headless"] is False
    assert "--no-sandbox" in args["args"]
    bundled.write_text("")
    assert "executable_path" not in browser.launch_args({}, str(bundled))
    # A channel chosen on pytest-playwright's command line is kept.
    assert "executable_path" not in browser.launch_args({"channel": "chrome"}, None)
    monkeypatch.setenv("LITE_CHROMIUM", "/opt/chromium")
    assert browser.launch_args({}, str(bundled))["executable_path"] == "/opt/chromium"


def test_the_plugin_is_registered_for_pytest():
    from importlib.metadata import entry_points

    plugins = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert plugins["lite"] == "lite.testing.plugin"
