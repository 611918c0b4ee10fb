"""File, and the FileData form files cross the seam in (lite/files.py)."""

from pathlib import Path

import pytest

import lite as gr
from lite.errors import Error
from lite.files import OUTPUT_DIR, NamedString, file_data


def upload(path: Path, name: str | None = None) -> dict:
    """A FileData as the worker hands it to Python: its bytes already written at `path`."""
    return {**file_data(path, name), "url": "blob:x"}


def test_filepath_gives_a_path_string_with_gradios_name_attribute(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("hi")
    got = gr.File().preprocess(upload(f))
    assert isinstance(got, NamedString) and isinstance(got, str)
    assert got == str(f) and got.name == str(f)
    assert Path(got).read_text() == "hi"


def test_binary_gives_bytes_and_multiple_gives_lists(tmp_path):
    a, b = tmp_path / "a.bin", tmp_path / "b.bin"
    a.write_bytes(b"\x00\x01")
    b.write_bytes(b"\x02")
    assert gr.File(type="binary").preprocess(upload(a)) == b"\x00\x01"
    many = gr.File(file_count="multiple", type="binary").preprocess([upload(a), upload(b)])
    assert many == [b"\x00\x01", b"\x02"]
    assert gr.File(file_count="multiple").preprocess([upload(a)]) == [str(a)]
    assert gr.File().preprocess(None) is None


def test_file_types_filter_extensions_and_categories(tmp_path):
    pdf, png = tmp_path / "r.pdf", tmp_path / "p.png"
    pdf.write_bytes(b"%PDF")
    png.write_bytes(b"\x89PNG")
    only_pdf = gr.File(file_types=[".pdf"])
    assert only_pdf.preprocess(upload(pdf)) == str(pdf)
    with pytest.raises(Error, match="Invalid file type"):
        only_pdf.preprocess(upload(png))
    assert gr.File(file_types=["image"]).preprocess(upload(png)) == str(png)


def test_output_from_a_path_bytes_or_a_list(tmp_path):
    f = tmp_path / "out.csv"
    f.write_text("a,b\n")
    one = gr.File().postprocess(str(f))
    assert one["path"] == str(f) and one["orig_name"] == "out.csv" and one["size"] == 4
    assert one["mime_type"] == "text/csv" and one["buffer"] is None
    made = gr.File().postprocess(b"raw")
    assert Path(made["path"]).read_bytes() == b"raw"
    assert Path(made["path"]).is_relative_to(OUTPUT_DIR)
    assert [x["orig_name"] for x in gr.File().postprocess([f, f])] == ["out.csv", "out.csv"]
    assert gr.File().postprocess(None) is None
    with pytest.raises(FileNotFoundError):
        gr.File().postprocess(str(tmp_path / "missing"))


def test_gradio_keywords_and_shortcuts():
    c = gr.File(
        file_count="multiple",
        file_types=[".txt"],
        height=200,
        allow_reordering=True,
        elem_id="x",
        buttons=None,
    )
    assert c.props() == {"file_count": "multiple", "file_types": [".txt"]}
    iface = gr.Interface(lambda f: f, "file", "files")
    assert [c.type for c in iface.input_components + iface.output_components] == ["file", "file"]
    with pytest.raises(ValueError):
        gr.File(file_count="many")


def test_inputs_name_the_pyodide_packages_their_type_needs():
    """What `lite build` checks before it ships an app (WAVE: fail early, name both fixes)."""
    demo = gr.Interface(
        lambda *a: None,
        [
            gr.Image(label="Photo"),  # Gradio's default type="numpy"
            gr.Image(type="filepath", label="Path"),
            gr.Dataframe(label="Table"),  # Gradio's default type="pandas"
            gr.Dataframe(type="array", label="Rows"),
            gr.Audio(type="filepath", label="Clip"),
        ],
        gr.Dataframe(label="Out"),  # outputs need no package to show a list of lists
    )
    assert demo.browser_packages() == {
        "Image 'Photo'": ["Pillow", "numpy"],
        "Dataframe 'Table'": ["pandas"],
    }


async def test_an_error_in_preprocess_is_the_events_error_and_the_app_goes_on(tmp_path):
    from lite.runtime import Runtime

    (tmp_path / "app.py").write_text(
        "import gradio as gr\n"
        "gr.Interface(lambda f: 'got ' + f.rsplit('/', 1)[-1],"
        " gr.File(file_types=['.txt']), 'text').launch()\n"
    )
    bad, good = tmp_path / "x.csv", tmp_path / "y.txt"
    bad.write_text("a")
    good.write_text("b")
    runtime = Runtime(tmp_path, "app.py")
    runtime.load()
    failed = await runtime.event(1, [upload(bad)])
    assert failed["ok"] is False and failed["error"]["kind"] == "error"
    assert "Invalid file type" in failed["error"]["message"]
    assert (await runtime.event(2, [upload(good)]))["data"] == ["got y.txt"]
