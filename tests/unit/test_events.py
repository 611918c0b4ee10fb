"""Long and live events on host Python: streaming, async, Progress, batch, gr.Request,
Stop, and TabbedInterface, through the same Runtime the browser worker drives."""

from __future__ import annotations

import asyncio
import textwrap
from pathlib import Path
from typing import Any

from lite.runtime import Runtime
from lite.state.store import MemoryStore


def make_app(tmp_path: Path, source: str) -> Runtime:
    (tmp_path / "app.py").write_text(textwrap.dedent(source))
    runtime = Runtime(tmp_path, "app.py")
    runtime.load()
    return runtime


class Posted(list[dict[str, Any]]):
    def of(self, kind: str) -> list[dict[str, Any]]:
        return [m for m in self if m["type"] == kind]


async def test_sync_generator_streams_every_yield_and_keeps_the_last(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        def count(n):
            text = ""
            for i in range(int(n)):
                text += str(i)
                yield text
        gr.Interface(count, gr.Number(), "text").launch()
        """,
    )
    posted = Posted()
    result = await runtime.event(1, [4], emit=posted.append)
    assert [m["data"] for m in posted.of("partial")] == [["0"], ["01"], ["012"], ["0123"]]
    assert all(m["id"] == 1 for m in posted)
    assert result["ok"] and result["data"] == ["0123"]


async def test_async_generator_and_async_function(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import asyncio
        import gradio as gr
        async def letters(word):
            for i in range(1, len(word) + 1):
                await asyncio.sleep(0)
                yield word[:i], i
        gr.Interface(letters, "text", ["text", "number"]).launch()
        """,
    )
    posted = Posted()
    result = await runtime.event(1, ["abc"], emit=posted.append)
    assert [m["data"] for m in posted.of("partial")] == [["a", 1], ["ab", 2], ["abc", 3]]
    assert result["data"] == ["abc", 3]


async def test_generator_that_yields_nothing_answers_empty(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        def nothing(x):
            return
            yield
        gr.Interface(nothing, "text", "text").launch()
        """,
    )
    result = await runtime.event(1, ["a"], emit=lambda m: None)
    assert result["ok"] and result["data"] == [None]  # Textbox.postprocess(None)


async def test_progress_reports_fraction_description_and_tqdm(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import time
        import gradio as gr
        def slow(n, progress=gr.Progress()):
            progress(0, desc="Starting")
            time.sleep(0.03)
            progress(0.5, desc="Halfway")
            total = 0
            for i in progress.tqdm(range(int(n)), desc="Counting"):
                time.sleep(0.03)
                total += i
            return total
        gr.Interface(slow, gr.Number(label="n"), gr.Number(label="Total")).launch()
        """,
    )
    app = runtime.interface
    assert [c.label for c in app.input_components] == ["n"]  # progress is not an input
    posted = Posted()
    result = await runtime.event(1, [3], emit=posted.append)
    assert result["data"] == [3]
    levels = [m["levels"] for m in posted.of("event-progress")]
    assert levels[0] == [
        {"index": None, "length": None, "unit": "steps", "progress": 0, "desc": "Starting"}
    ]
    assert levels[1][-1]["progress"] == 0.5 and levels[1][-1]["desc"] == "Halfway"
    counting = [lv[-1] for lv in levels if lv and lv[-1]["desc"] == "Counting"]
    assert [lv["index"] for lv in counting] == [0, 1, 2, 3]  # 3 of 3: the bar fills
    assert counting[0]["length"] == 3
    # Called outside an event (no page to report to), a Progress does nothing.
    assert app.fn(2) == 1


async def test_progress_is_quiet_without_a_page(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        def fn(x, progress=gr.Progress(track_tqdm=True)):
            for _ in progress.tqdm([1, 2], desc="x"):
                pass
            progress((1, 2))
            return x
        gr.Interface(fn, "text", "text").launch()
        """,
    )
    assert (await runtime.event(1, ["a"]))["data"] == ["a"]


async def test_request_describes_the_page(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        from __future__ import annotations
        import gradio as gr
        def hello(greeting, request: gr.Request):
            return (f"{greeting} {request.query_params.get('name', '?')}",
                    request.headers["User-Agent"], request.client.host, request.session_hash)
        gr.Interface(hello, "text", ["text", "text", "text", "text"]).launch()
        """,
    )
    assert [c.label for c in runtime.interface.input_components] == ["greeting"]
    runtime.page = {
        "url": "http://127.0.0.1:8000/app/?name=Ada",
        "headers": {"user-agent": "Chromium", "accept-language": "en", "host": "127.0.0.1:8000"},
    }
    first = await runtime.event(1, ["Hello"])
    assert first["data"][:3] == ["Hello Ada", "Chromium", "127.0.0.1"]
    second = await runtime.event(2, ["Hi"])
    assert second["data"][3] == first["data"][3]  # one session hash per page session
    other = make_app(tmp_path, (tmp_path / "app.py").read_text())
    other.page = runtime.page
    assert (await other.event(1, ["x"]))["data"][3] != first["data"][3]


async def test_request_as_keyword_only_and_optional(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        def fn(x, *, req: gr.Request | None = None):
            return req.url
        gr.Interface(fn, "text", "text").launch()
        """,
    )
    runtime.page = {"url": "http://h/p?q=1", "headers": {}}
    assert (await runtime.event(1, ["a"]))["data"] == ["http://h/p?q=1"]


async def test_batch_functions_get_lists(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        def trim(words, lens):
            return [[w[:int(n)] for w, n in zip(words, lens)]]
        gr.Interface(trim, ["text", "number"], "text", batch=True, max_batch_size=16).launch()
        """,
    )
    assert (await runtime.event(1, ["abcdef", 3]))["data"] == ["abc"]
    runtime.interface.fn = lambda words, lens: words  # not one list per output
    result = await runtime.event(2, ["abcdef", 3])
    assert "one non-empty list per output" in result["error"]["message"]


async def test_stop_cancels_an_async_function_and_the_app_goes_on(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import asyncio
        import gradio as gr
        async def wait(x):
            if x == "forever":
                while True:
                    await asyncio.sleep(0.01)
            return x
        gr.Interface(wait, "text", "text").launch()
        """,
    )
    event = asyncio.ensure_future(runtime.event(1, ["forever"]))
    await asyncio.sleep(0.05)
    assert not runtime.stop(99)  # another event's id: nothing happens
    assert runtime.stop(1)
    assert await event == {"type": "stopped", "id": 1, "reset": False}
    assert not runtime.stop()  # nothing runs now
    assert (await runtime.event(2, ["done"]))["data"] == ["done"]


async def test_keyboard_interrupt_is_a_stop_and_never_escapes(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        def fn(x):
            if x == "stop":
                raise KeyboardInterrupt
            return x
        gr.Interface(fn, "text", "text").launch()
        """,
    )
    assert (await runtime.event(1, ["stop"]))["type"] == "stopped"
    assert (await runtime.event(2, ["ok"]))["data"] == ["ok"]


async def test_interrupt_keeps_session_state_and_rolls_back_shared_data(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        counter = 0
        def fn(x, history):
            global counter
            counter += 1
            if x == "stop":
                raise KeyboardInterrupt
            return counter, history + [x]
        gr.Interface(fn, ["text", gr.State([])], ["number", "state"]).launch()
        """,
    )
    await runtime.share_globals(MemoryStore(), app_id="a")
    assert (await runtime.event(1, ["a"]))["data"] == [1]
    assert (await runtime.event(2, ["stop"]))["type"] == "stopped"
    assert runtime.session.value == ["a"]  # session state stays
    assert runtime.interface.fn.__globals__["counter"] == 1  # the transaction rolled back
    assert (await runtime.event(3, ["b"]))["data"] == [2]


async def test_streaming_generator_releases_the_shared_lock_between_yields(tmp_path):
    source = """
        import asyncio
        import gradio as gr
        count = 0
        async def tick(x):
            global count
            for _ in range(3):
                count += 1
                yield count
                await asyncio.sleep(0.02)
        gr.Interface(tick, "text", "number").launch()
        """
    store = MemoryStore()
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"
    folder_a.mkdir()
    folder_b.mkdir()
    tab_a = make_app(folder_a, source)
    await tab_a.share_globals(store, app_id="x", state_key="k")
    streaming = asyncio.ensure_future(tab_a.event(1, ["go"], emit=lambda m: None))
    await asyncio.sleep(0.01)
    tab_b = make_app(folder_b, source)
    await tab_b.share_globals(store, app_id="x", state_key="k")
    # Tab B's event runs while A's generator is between yields: A doesn't hold the lock.
    other = await asyncio.wait_for(tab_b.event(1, ["go"], emit=lambda m: None), 1)
    assert other["ok"]
    assert (await streaming)["ok"]
    # Every step of both committed: none lost.
    check = make_app(tmp_path, source)
    await check.share_globals(store, app_id="x", state_key="k")
    assert check.interface.fn.__globals__["count"] == 6


async def test_tabbed_interface_tabs_have_their_own_session_state(tmp_path):
    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        def add(x, items):
            items = items + [x]
            return ", ".join(items), items
        hello = gr.Interface(lambda n: "Hello " + n, "text", "text")
        notes = gr.Interface(add, ["text", gr.State([])], ["text", "state"])
        gr.TabbedInterface([hello, notes], ["Hello", "Notes"], title="Two").launch()
        """,
    )
    config = runtime.config()
    assert config["title"] == "Two"
    assert [t["name"] for t in config["tabs"]] == ["Hello", "Notes"]
    assert config["inputs"] == config["tabs"][0]["config"]["inputs"]
    assert (await runtime.event(1, ["Ada"]))["data"] == ["Hello Ada"]
    assert (await runtime.event(2, ["a"], tab=1))["data"] == ["a"]
    assert (await runtime.event(3, ["b"], tab=1))["data"] == ["a, b"]
    runtime.clear(tab=1)
    assert (await runtime.event(4, ["c"], tab=1))["data"] == ["c"]
    assert (await runtime.event(5, ["x"], tab=7))["ok"] is False


async def test_cache_examples_computes_outputs_at_build_time(tmp_path):
    from lite.examples import cache_outputs

    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        def shout(text):
            if text == "bad":
                raise ValueError("no")
            return text.upper()
        gr.Interface(shout, "text", "text", examples=[["a"], ["bad"]], cache_examples=True).launch()
        """,
    )
    config = runtime.config()
    assert config["examples"]["cache"] == "eager" and config["examples"]["outputs"] is None
    warnings = await cache_outputs(runtime, config)
    assert config["examples"]["outputs"] == [["A"], None]
    assert warnings == ["example 2 could not be cached; it runs when clicked"]


async def test_lazy_cache_mode_is_left_to_the_page(tmp_path):
    from lite.examples import cache_outputs

    runtime = make_app(
        tmp_path,
        """
        import gradio as gr
        gr.Interface(str.upper, "text", "text", examples=["a"], cache_examples=True,
                     cache_mode="lazy").launch()
        """,
    )
    config = runtime.config()
    assert await cache_outputs(runtime, config) == []
    assert config["examples"]["cache"] == "lazy" and config["examples"]["outputs"] is None
