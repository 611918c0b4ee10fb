"""Runtime: loading an app and running its events, as the browser worker does."""

import json
import textwrap
from pathlib import Path

import pytest

from lite.app import AppError
from lite.runtime import Runtime

EXAMPLES = Path(__file__).parents[2] / "examples"


def make_app(tmp_path: Path, source: str, **files: str) -> Runtime:
    (tmp_path / "app.py").write_text(textwrap.dedent(source))
    for name, text in files.items():
        (tmp_path / f"{name}.py").write_text(textwrap.dedent(text))
    runtime = Runtime(tmp_path, "app.py")
    runtime.load()
    return runtime


async def test_session_app_keeps_history_per_session():
    runtime = Runtime(EXAMPLES / "message_store")
    runtime.load()
    first = await runtime.event(1, ["hi"])
    second = await runtime.event(2, ["there"])
    assert first["data"] == [{"Current messages": "hi", "Previous messages": []}]
    assert second["data"] == [{"Current messages": "there", "Previous messages": ["hi"]}]
    # A new page load is a new Runtime: a fresh copy of gr.State(value=[]).
    fresh = Runtime(EXAMPLES / "message_store")
    fresh.load()
    third = await fresh.event(1, ["again"])
    assert third["data"][0]["Previous messages"] == []


async def test_clear_resets_session_state():
    runtime = Runtime(EXAMPLES / "message_store")
    runtime.load()
    await runtime.event(1, ["hi"])
    runtime.clear()
    result = await runtime.event(2, ["after"])
    assert result["data"][0]["Previous messages"] == []


async def test_callable_state_value_is_called_per_session(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        made = []
        def new():
            made.append(1)
            return {"n": len(made)}
        def fn(x, s):
            return s["n"], s
        gr.Interface(fn, ["text", gr.State(new)], ["number", "state"]).launch()
        """,
    )
    assert (await runtime.event(1, ["a"]))["data"] == [1.0]
    runtime.clear()
    assert (await runtime.event(2, ["a"]))["data"] == [2.0]


async def test_gr_error_and_exceptions_leave_the_app_working():
    runtime = Runtime(EXAMPLES / "calculator")
    runtime.load()
    error = await runtime.event(1, ["1", "divide", "0"])
    assert error["ok"] is False and error["error"]["message"] == "Cannot divide by zero!"
    assert error["error"]["kind"] == "error" and error["error"]["traceback"] is None
    ok = await runtime.event(2, ["1", "add", "2"])
    assert ok["ok"] and ok["data"] == [3.0]


async def test_unexpected_exception_has_type_and_app_traceback(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        def fn(x):
            return {}[x]
        demo = gr.Interface(fn, "text", "text")
        """,
    )
    result = await runtime.event(1, ["missing"])
    assert result["error"]["kind"] == "exception" and result["error"]["type"] == "KeyError"
    traceback = result["error"]["traceback"]
    assert "app.py" in traceback and "return {}[x]" in traceback
    assert "runtime.py" not in traceback  # the runtime's own frames are noise


async def test_bad_input_is_reported_and_fn_not_called(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        calls = []
        def fn(a, b):
            calls.append(a)
            return a
        demo = gr.Interface(fn, [gr.Number(label="A"), gr.Slider(0, 5)], "number")
        """,
    )
    result = await runtime.event(1, ["abc", "9"])
    assert result["input_errors"] == [
        {"index": 0, "message": "Expected a number, got 'abc'."},
        {"index": 1, "message": "Value 9 is more than the maximum, 5."},
    ]
    assert runtime.interface is not None
    assert runtime.interface.fn.__globals__["calls"] == []


async def test_toasts_and_wrong_output_count(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        def fn(x):
            gr.Info("saved")
            gr.Warning("careful", duration=None)
            return x, x
        demo = gr.Interface(fn, "text", ["text", "text"])
        def bad(x):
            return x
        """,
    )
    result = await runtime.event(1, ["a"])
    assert [t["message"] for t in result["toasts"]] == ["saved", "careful"]
    assert result["toasts"][1] == {
        "level": "warning",
        "message": "careful",
        "title": None,
        "duration": None,
    }
    runtime.interface.output_components.append(runtime.interface.output_components[0])
    result = await runtime.event(2, ["a"])
    assert "returned 2 value(s)" in result["error"]["message"]


async def test_async_function_answers(tmp_path):
    # Generators (streaming) are tested in test_events.py.
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        async def fn(x):
            return x.upper()
        demo = gr.Interface(fn, "text", "text")
        """,
    )
    assert (await runtime.event(1, ["a"]))["data"] == ["A"]


def test_app_without_interface_and_import_errors(tmp_path):
    (tmp_path / "app.py").write_text("x = 1\n")
    with pytest.raises(AppError, match="defined no gr.Interface"):
        Runtime(tmp_path).load()
    (tmp_path / "app.py").write_text("import numpy_that_does_not_exist\n")
    with pytest.raises(ModuleNotFoundError):
        Runtime(tmp_path).load()


def test_sibling_modules_and_main_guard(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        import helper
        demo = gr.Interface(helper.shout, "text", "text")
        if __name__ == "__main__":
            demo.launch()
        """,
        helper="def shout(s):\n    return s + '!'\n",
    )
    names = {m.__name__ for m in runtime.modules()}
    assert {"__main__", "helper"} <= names
    assert json.dumps(runtime.config())
