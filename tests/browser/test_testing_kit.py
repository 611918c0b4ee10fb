"""The testing kit (lite.testing) as an app author meets it: the lite_app fixture, its
page objects, and how it fails."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lite.site import BuildError
from lite.testing import AppBootError, AppError, LitePage
from lite.testing.page import BOOT_TIMEOUT_MS

HELLO = Path(__file__).parents[2] / "examples" / "hello_world" / "app.py"

BROKEN = """
import gradio as gr

def load_model():
    return {}["weights"]

model = load_model()
gr.Interface(lambda x: x, "text", "text").launch()
"""

LIVE = """
import gradio as gr

def double(x):
    if x is not None and x < 0:
        raise ValueError("negative")
    return None if x is None else x * 2

gr.Interface(double, gr.Number(label="X", precision=0), gr.Number(label="Twice", precision=0),
             live=True).launch()
"""


def test_an_app_that_fails_to_start_raises_its_traceback_at_once(lite_app):
    started = time.monotonic()
    with pytest.raises(AppBootError) as failure:
        lite_app(BROKEN)
    message = str(failure.value)
    assert "Traceback (most recent call last)" in message
    assert "in load_model" in message
    assert "KeyError: 'weights'" in message
    assert time.monotonic() - started < BOOT_TIMEOUT_MS / 1000 / 2


def test_an_app_with_a_syntax_error_fails_the_build_with_its_line(lite_app):
    with pytest.raises(BuildError, match="invalid syntax at line 3"):
        lite_app("import gradio as gr\n\ndef broken(:\n    pass\n")


def test_an_unknown_label_names_the_labels_there_are(lite_app):
    app = lite_app(HELLO)
    with pytest.raises(
        LookupError, match="no input labelled 'Name'; the inputs are: 'name', 'intensity'"
    ):
        app.set("Name", "Ada")
    with pytest.raises(LookupError, match="'name' is one of the inputs.*outputs are: 'output'"):
        app.output("name")
    with pytest.raises(IndexError, match="the app has 2 inputs"):
        app.set(5, "x")


def test_a_value_that_is_no_choice_names_the_choices(lite_app):
    app = lite_app(HELLO.parents[1] / "all_components" / "app.py")
    with pytest.raises(ValueError, match="'Size' has no choice 'XL'; its choices: 'S', 'M', 'L'"):
        app.set("Size", "XL")
    with pytest.raises(TypeError, match="checkbox"):
        app.set("Subscribe", "yes")


def test_errors_and_refused_inputs_are_reported(lite_app):
    app = lite_app(HELLO)
    app.set("name", "Ada")
    app.set("intensity", "lots")
    app.submit()
    assert app.error() is not None
    assert app.error().startswith("intensity: ")
    app.set(1, 2)  # by position
    app.submit()
    assert app.error() is None
    assert app.output(0) == "Hello, Ada!!"


def test_a_live_app_runs_on_set_and_reports_exceptions(lite_app):
    app = lite_app(LIVE)
    app.set("X", 21)
    app.submit()  # only waits in a live app
    assert app.output("Twice") == 42
    assert isinstance(app.output("Twice"), int)
    app.set("X", -1)
    app.submit()
    assert app.error() == "ValueError: negative"
    assert app.output("Twice") == 42  # a failed event leaves the outputs as they were


def test_predict_leaves_the_form_alone(lite_app):
    app = lite_app(HELLO)
    assert app.predict("Bo", 1) == ["Hello, Bo!"]
    assert app.predict(name="Cy", intensity=2) == ["Hello, Cy!!"]
    assert app.output("output") == ""
    with pytest.raises(AppError, match="intensity"):
        app.predict("Bo", "x")


SEEN = """
import gradio as gr

seen = []

def add(x):
    seen.append(x)
    return len(seen)

gr.Interface(add, "text", "number").launch()
"""


def test_state_key_keeps_shared_data_across_versions_and_reset_empties_it(lite_app, lite_sites):
    a = lite_app(SEEN, state_key="kit")
    a.set("x", "one")
    a.submit()
    assert a.shared_state() == {"seen": ["one"]}
    # A new version of the app's code, with the same key, in the same browser.
    url = lite_sites.url(lite_sites.source_app(SEEN + "# v2\n"), "kit")
    b = LitePage(a.page.context.new_page(), url).open()
    b.set("x", "two")
    b.submit()
    assert b.output("output") == 2
    a.reset_shared_state()
    assert a.shared_state() == {"seen": []}
    a.set("x", "three")
    a.submit()
    assert a.output("output") == 1


AUTHOR_TEST = """
def test_greets(lite_app):
    app = lite_app("app.py")
    app.set("name", "Ada")
    app.set("intensity", 2)
    app.submit()
    assert app.output("output") == "Hello, Ada!!"
    assert app.error() is None


def test_broken(lite_app):
    lite_app("broken.py")
"""


def test_an_authors_project_runs_with_plain_pytest(tmp_path):
    """A new folder, an app and a test file, `python -m pytest`: no conftest, and without
    pytest-playwright, so the plugin launches Chromium itself."""
    (tmp_path / "app.py").write_text(HELLO.read_text())
    (tmp_path / "broken.py").write_text(textwrap.dedent(BROKEN))
    (tmp_path / "test_app.py").write_text(AUTHOR_TEST)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:playwright", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    out = done.stdout
    assert "1 failed, 1 passed" in out, out + done.stderr
    assert "test_broken" in out
    assert "AppBootError" in out
    assert "KeyError: 'weights'" in out


# ---- engine="node": the same runtime, without a browser ----

SCORES = HELLO.parents[1] / "score_tracker" / "app.py"


def test_node_engine_predicts_with_the_real_runtime(lite_app):
    app = lite_app(HELLO, engine="node")
    assert app.predict("Ada", 2) == ["Hello, Ada!!"]
    assert app.predict(name="Bo", intensity=1) == ["Hello, Bo!"]
    with pytest.raises(AppError, match="^intensity: "):
        app.predict("Ada", "lots")
    assert app.error().startswith("intensity: ")
    with pytest.raises(TypeError, match="the inputs are: \\['name', 'intensity'\\]"):
        app.predict(Name="Ada")


def test_node_engine_keeps_shared_data_and_resets_it(lite_app):
    app = lite_app(SCORES, engine="node")
    assert app.predict(5) == [[5]]
    assert app.predict(Score=7) == [[7, 5]]
    assert app.shared_state() == {"scores": [5.0, 7.0]}
    app.reset_shared_state()
    assert app.shared_state() == {"scores": []}
    assert app.predict(1) == [[1]]
    # The next test's app runs afresh in the same Python: module values, session, data.
    again = lite_app(SCORES, engine="node")
    assert again.shared_state() == {"scores": []}
    assert again.predict(2) == [[2]]


def test_node_engine_runs_helper_modules_afresh(lite_app, tmp_path):
    (tmp_path / "helper.py").write_text("seen = []\n")
    (tmp_path / "app.py").write_text(
        "import gradio as gr\nimport helper\n\n"
        "def add(x):\n    helper.seen.append(x)\n    return len(helper.seen)\n\n"
        "gr.Interface(add, 'text', 'number').launch()\n"
    )
    assert lite_app(tmp_path / "app.py", engine="node").predict("a") == [1]
    app = lite_app(tmp_path / "app.py", engine="node")
    assert app.predict("b") == [1]
    assert app.shared_state() == {"helper.seen": ["b"]}


def test_node_engine_reports_exceptions_and_boot_failures(lite_app):
    app = lite_app(LIVE, engine="node")
    assert app.predict(21) == [42]
    with pytest.raises(AppError, match="ValueError: negative"):
        app.predict(-1)
    with pytest.raises(AppBootError, match="KeyError: 'weights'"):
        lite_app(BROKEN, engine="node")
