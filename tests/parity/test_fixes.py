"""The four differences issue #12 started from, each pinned to what Gradio 6.31 does.

Each test checks lite directly, and where a recording holds Gradio's own answer for the
same case, that the recording says the same (so the expectation is Gradio's, not ours)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import compare
import payload
import pytest

import lite as gr
from lite.runtime import Runtime

RECORDINGS = compare.recordings()


def gradio_row(app: str, row: str) -> dict:
    return next(r for r in RECORDINGS[app]["rows"] if r["name"] == row)


def load(tmp_path: Path, source: str) -> Runtime:
    (tmp_path / "app.py").write_text(textwrap.dedent(source))
    runtime = Runtime(tmp_path, "app.py")
    runtime.load()
    return runtime


# 1. A whole number reaches the function as int when precision is None.


@pytest.mark.parametrize(
    ("precision", "typed", "expected"),
    [
        (None, "3", 3),
        (None, "3.0", 3),  # the page's number is a JS double: 3.0 is 3
        (None, "-0", 0),
        (None, "1e3", 1000),
        (None, "2.5", 2.5),
        (None, "1e21", 1e21),  # JS writes it with an exponent, so JSON gives a float
        (None, "12345678901234567", 12345678901234568),  # a double's precision
        (0, "2.5", 2),
        (2, "3", 3),  # Gradio's round(3, 2) keeps the int
        (2, "3.14159", 3.14),
    ],
)
def test_number_gives_what_gradio_gives(precision, typed, expected):
    value = gr.Number(precision=precision).preprocess(typed)
    assert value == expected and type(value) is type(expected)


async def test_number_value_three_repeats_text(tmp_path):
    runtime = load(
        tmp_path,
        """
        import gradio as gr
        def probe(s, n):
            return s * n
        gr.Interface(probe, [gr.Textbox("ab"), gr.Number(value=3)], "text").launch()
        """,
    )
    page = [c["value"] for c in runtime.config()["inputs"]]
    result = await runtime.event(1, [str(v) for v in page])
    assert result["data"] == ["ababab"]
    assert gradio_row("parity/repeat", "default")["received"][1] == {"type": "int", "repr": "3"}


# 2. An empty gr.Number() submits what Gradio's page submits: 0. Its Python value stays
# None, as in Gradio; the page shows 0 (inputs.ts, as Gradio's `value ??= 0`), which
# tests/browser/test_parity_page.py checks in Chromium.


async def test_empty_number_submits_zero(tmp_path):
    runtime = load(
        tmp_path,
        """
        import gradio as gr
        def greet(name, repeat):
            return "Hello " + name * int(repeat) + "!!"
        gr.Interface(greet, [gr.Textbox(lines=2, max_lines=4), gr.Number()], "textarea").launch()
        """,
    )
    number = runtime.config()["inputs"][1]
    assert number["value"] is None and gr.Number().value is None
    sent = payload.lite_initial(number)
    assert sent == "0"
    result = await runtime.event(1, ["Ada", sent])
    assert result["ok"] and result["data"] == ["Hello !!"]
    gradio = gradio_row("parity/empty_number", "default")
    assert gradio["wire"][1] == 0 and gradio["outputs"] == ["Hello !!"]


# 3. One input, examples in the nested form.


def test_single_input_nested_examples_are_rows():
    demo = gr.Interface(lambda s: s, "text", "text", examples=[["a"], ["b"]])
    assert demo.config()["examples"]["rows"] == [["a"], ["b"]]
    flat = gr.Interface(lambda s: s, "text", "text", examples=["a", "b"])
    assert flat.config()["examples"]["rows"] == [["a"], ["b"]]
    assert gradio_row("parity/single_examples", "example 2")["wire"] == ["a bb ccc"]


# 4. The default api_name is the function's, as Gradio 6.31 names it.


def probe(x):
    return x


def test_default_api_name_is_the_functions():
    assert gr.Interface(probe, "text", "text").config()["api_name"] == "probe"
    assert gr.Interface(lambda x: x, "text", "text").config()["api_name"] == "lambda"
    assert gr.Interface(probe, "text", "text", api_name="predict").api_name == "predict"
    assert gr.Interface(probe, "text", "text", api_name=" ").api_name == "probe"
    assert RECORDINGS["examples/hello_world"]["api_name"] == "greet"
    assert RECORDINGS["parity/lambda_state"]["api_name"] == "lambda"


# Found by the second wave's apps (files, media, tables, text outputs).


def test_multiple_files_given_none_is_an_empty_list(tmp_path):
    """File(file_count="multiple") given no files passes [] (a single File, None)."""
    assert gr.File(file_count="multiple").preprocess([]) == []
    assert gr.File(file_count="multiple", type="binary").preprocess([]) == []
    assert gr.File().preprocess([]) is None
    assert gr.File(file_count="multiple").preprocess(None) is None
    row = gradio_row("parity/files", "input 2 (file) no files")
    assert row["received"][2] == {"type": "list", "repr": "[]"}


def test_gallery_images_made_in_python_have_no_name():
    """A PIL image or array in a Gallery output has orig_name None, as on Gradio."""
    pillow = pytest.importorskip("PIL.Image")
    got = gr.Gallery().postprocess([pillow.new("RGB", (2, 2))])
    assert got[0]["image"]["orig_name"] is None
    assert got[0]["image"]["mime_type"] == "image/webp"
    row = gradio_row("parity/gallery_out", "input 0 (radio) choice 'pil'")
    assert row["outputs"][0][0]["image"]["file"] is None


def test_wide_integer_image_arrays_scale_as_gradio():
    """Integer arrays wider than 8 bits keep their values below 256 and are otherwise
    scaled down to 8 bits (Gradio's conversion), not clipped."""
    np = pytest.importorskip("numpy")
    pytest.importorskip("PIL.Image")
    from lite.components.media import array_to_pil

    assert array_to_pil(np.full((1, 1), 300, dtype=np.int32), "t").getpixel((0, 0)) == 0
    assert array_to_pil(np.full((1, 1), 65535, dtype=np.uint16), "t").getpixel((0, 0)) == 255
    assert array_to_pil(np.full((1, 1), 200, dtype=np.int64), "t").getpixel((0, 0)) == 200
    assert array_to_pil(np.full((1, 1), -5, dtype=np.int16), "t").getpixel((0, 0)) == 0
    row = gradio_row("parity/media_out", "example 5")
    assert row["outputs"][0]["sha256"] == "5e6130fe0f989db4"


def test_chat_message_objects_keep_empty_metadata_and_options():
    """gr.ChatMessage's metadata and options default to {} and []; Gradio sends them so,
    and sends None only where a dict message leaves them out."""
    out = gr.Chatbot().postprocess([gr.ChatMessage("ok"), {"role": "user", "content": "Hi"}])
    assert [(m["metadata"], m["options"]) for m in out] == [({}, []), (None, None)]
    row = gradio_row("parity/text_outputs", "example 5")
    assert row["outputs"][2][0]["metadata"] == {} and row["outputs"][2][0]["options"] == []


def test_gif_upload_for_a_filepath_image_is_saved_again_as_gradio_does(tmp_path):
    """A GIF whose mode is not the Image's image_mode reaches a filepath function as
    Gradio's cache has it: every frame saved again, looping (the bytes match Gradio's)."""
    pillow = pytest.importorskip("PIL.Image")
    source = compare.cases.FILES / "blink.gif"
    upload = tmp_path / "blink.gif"
    upload.write_bytes(source.read_bytes())
    path = gr.Image(type="filepath").preprocess(
        {"_type": "file", "path": str(upload), "orig_name": "blink.gif"}
    )
    assert Path(path).name == "blink.gif" and path != str(upload)
    with pillow.open(path) as saved:
        assert saved.format == "GIF"
    row = gradio_row("parity/images", "input 0 (image) file 'blink.gif'")
    sent = payload.digest(path)
    assert row["received"][0]["repr"] == f"<path to a file named 'blink.gif', sha256 {sent}>"
    kept = gr.Image(type="filepath", image_mode=None).preprocess(
        {"_type": "file", "path": str(upload), "orig_name": "blink.gif"}
    )
    assert kept == str(upload)


def test_dataframe_output_sends_rows_and_column_names_as_gradio():
    """Ragged rows go out as given, headers by the first row; a DataFrame's column names
    go out as they are (the page pads rows and shows names as text: table.ts)."""
    pandas = pytest.importorskip("pandas")
    frame = gr.Dataframe(headers=["first", "second"])
    assert frame.postprocess([[1], [2, 3]]) == {
        "headers": ["first"],
        "data": [[1], [2, 3]],
        "metadata": None,
    }
    assert gr.Dataframe().postprocess(pandas.DataFrame({0: [1], 1: [2]}))["headers"] == [0, 1]
    rows = {r["name"]: r for r in RECORDINGS["parity/dataframe_out"]["rows"]}
    assert rows["example 7"]["outputs"][1]["headers"] == ["first"]
    assert rows["example 12"]["outputs"][0]["headers"] == [0, 1]


def test_chat_files_travel_as_gradio_sends_them(tmp_path):
    """A file in a message reaches the function as Gradio's FileData dict, and a file
    given by path goes out with no name, as Gradio sends it."""
    picture = tmp_path / "pixels.png"
    picture.write_bytes((compare.cases.FILES / "pixels.png").read_bytes())
    page = {"_type": "file", "path": str(picture), "url": "blob:x", "orig_name": "pixels.png"}
    page |= {"size": 81, "mime_type": "image/png", "buffer": None}
    message = {"role": "user", "content": [{"type": "file", "file": page}]}
    [got] = gr.Chatbot().preprocess([message])
    assert list(got["content"][0]) == ["file", "alt_text", "type"]
    assert list(got["content"][0]["file"]) == [
        *("path", "url", "size", "orig_name", "mime_type", "is_stream", "meta"),
    ]
    out = gr.Chatbot().postprocess([{"role": "user", "content": {"path": str(picture)}}])
    assert out[0]["content"][0]["file"]["orig_name"] is None
    row = gradio_row("parity/text_outputs", "example 10")
    assert row["outputs"][2][0]["content"][0]["file"]["file"] is None
