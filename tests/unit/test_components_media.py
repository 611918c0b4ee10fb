"""Image, Audio, Video and Gallery against Gradio 6's documented behaviour.

type="filepath" needs only the standard library; the "pil" / "numpy" paths run where
Pillow and numpy are installed (`make setup` installs them for tests) and are skipped
otherwise. Hiding an installed package (sys.modules[name] = None) shows the error a
browser without its wheel gives."""

from __future__ import annotations

import struct
import sys
import wave
import zlib
from pathlib import Path
from typing import Any

import pytest

import lite as gr
from lite.components import from_shortcut
from lite.errors import Error, InputError
from lite.files import OUTPUT_DIR, file_data


def png(width: int, height: int, rgba: tuple[int, ...] = (255, 0, 0, 255)) -> bytes:
    """A solid-colour RGBA PNG, written with the standard library only."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgba) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def wav(path: Path, frames: bytes, *, rate: int = 8000, channels: int = 1, width: int = 2) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


def upload(path: Path, name: str | None = None) -> dict[str, Any]:
    """A FileData as the worker hands it to Python: its bytes already written at `path`."""
    return {**file_data(path, name), "url": "blob:x"}


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.png"
    path.write_bytes(png(5, 3))
    return path


@pytest.fixture
def no_pillow(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in the browser: Pillow and numpy cannot be imported."""
    for name in ("PIL", "PIL.Image", "PIL.ImageOps", "numpy"):
        monkeypatch.setitem(sys.modules, name, None)


def pillow() -> Any:
    return pytest.importorskip("PIL.Image", reason="Pillow is not installed (make setup adds it)")


def numpy() -> Any:
    return pytest.importorskip("numpy", reason="numpy is not installed (make setup adds it)")


# ---- Image ----


def test_image_filepath_needs_nothing_but_the_standard_library(photo, no_pillow):
    image = gr.Image(type="filepath")
    assert image.preprocess(upload(photo)) == str(photo)
    assert image.preprocess(None) is None
    out = image.postprocess(str(photo))
    assert out["path"] == str(photo) and out["orig_name"] == "photo.png"
    assert out["mime_type"] == "image/png" and out["url"] is None


@pytest.mark.parametrize("kind", ["pil", "numpy"])
def test_pil_and_numpy_without_the_package_is_a_clear_input_error(photo, no_pillow, kind):
    image = gr.Image(type=kind, label="Photo")
    with pytest.raises(InputError) as caught:
        image.preprocess(upload(photo))
    packages = "Pillow, which is" if kind == "pil" else "Pillow and numpy, which are"
    wheels = "Pillow wheel" if kind == "pil" else "Pillow and numpy wheels"
    assert str(caught.value) == (
        f'Image "Photo" with type="{kind}" needs {packages} not installed in this Python. '
        f'Either use type="filepath", or ship the {wheels} with the app '
        "(lite build --pyodide-packages URL)."
    )


def test_image_pil_and_numpy_follow_image_mode(photo):
    pil = pillow()
    np = numpy()
    got = gr.Image(type="pil").preprocess(upload(photo))
    assert isinstance(got, pil.Image) and got.size == (5, 3) and got.mode == "RGB"
    assert gr.Image(type="pil", image_mode=None).preprocess(upload(photo)).mode == "RGBA"
    assert gr.Image(type="pil", image_mode="L").preprocess(upload(photo)).mode == "L"
    array = gr.Image().preprocess(upload(photo))  # Gradio's default type is "numpy"
    assert isinstance(array, np.ndarray) and array.shape == (3, 5, 3)
    assert array[0, 0].tolist() == [255, 0, 0]


def test_image_filepath_is_converted_to_image_mode_when_pillow_can(photo, tmp_path):
    pil = pillow()
    converted = gr.Image(type="filepath").preprocess(upload(photo))
    with pil.open(converted) as image:
        assert converted != str(photo) and image.mode == "RGB"
    assert gr.Image(type="filepath", image_mode=None).preprocess(upload(photo)) == str(photo)
    jpeg = tmp_path / "grey.jpg"
    pil.new("L", (2, 2)).save(jpeg)
    as_rgba = gr.Image(type="filepath", image_mode="RGBA").preprocess(upload(jpeg))
    with pil.open(as_rgba) as image:  # JPEG has no alpha: saved as PNG
        assert as_rgba.endswith("grey.png") and image.mode == "RGBA"
    rgb = tmp_path / "rgb.png"
    pil.new("RGB", (2, 2)).save(rgb)
    assert gr.Image(type="filepath").preprocess(upload(rgb)) == str(rgb)


def test_svg_and_non_images(tmp_path):
    svg = tmp_path / "logo.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert gr.Image(type="filepath").preprocess(upload(svg)) == str(svg)
    with pytest.raises(InputError, match="SVG files are not supported"):
        gr.Image(type="pil").preprocess(upload(svg))
    pillow()
    text = tmp_path / "notes.png"
    text.write_text("not an image")
    with pytest.raises(InputError, match="notes.png is not an image"):
        gr.Image(type="pil").preprocess(upload(text))
    with pytest.raises(InputError, match="Expected a file"):
        gr.Image(type="filepath").preprocess("photo.png")


def test_image_output_from_a_path_bytes_or_a_url(photo):
    image = gr.Image()
    assert image.postprocess(None) is None
    assert image.postprocess(photo)["orig_name"] == "photo.png"
    made = image.postprocess(photo.read_bytes())
    assert made["orig_name"] == "image.png" and made["mime_type"] == "image/png"
    assert Path(made["path"]).is_relative_to(OUTPUT_DIR)
    assert Path(made["path"]).read_bytes() == photo.read_bytes()
    url = image.postprocess("https://example.com/pics/cat.jpg")
    assert url["url"] == "https://example.com/pics/cat.jpg" and url["path"] is None
    assert url["orig_name"] == "cat.jpg"
    with pytest.raises(Error, match="Cannot process this value as an Image"):
        image.postprocess(42)
    with pytest.raises(FileNotFoundError):
        image.postprocess("missing.png")


def test_image_output_from_pil_and_numpy_uses_format():
    pil = pillow()
    np = numpy()
    webp = gr.Image().postprocess(pil.new("RGB", (4, 2), "blue"))
    assert webp["orig_name"] == "image.webp" and webp["mime_type"] == "image/webp"
    with pil.open(webp["path"]) as image:
        assert image.size == (4, 2)
    as_png = gr.Image(format="png").postprocess(np.zeros((2, 3, 3), dtype="uint8"))
    assert as_png["orig_name"] == "image.png"
    with pil.open(as_png["path"]) as image:
        assert image.size == (3, 2)
    # Floats are 0.0-1.0, as in Gradio.
    white = gr.Image(format="png").postprocess(np.ones((1, 1), dtype="float64"))
    with pil.open(white["path"]) as image:
        assert image.getpixel((0, 0)) == 255
    # A format Pillow cannot write falls back to PNG.
    odd = gr.Image(format="nope").postprocess(pil.new("RGB", (1, 1)))
    assert odd["orig_name"] == "image.png"


def test_numpy_output_without_pillow_is_a_clear_error(monkeypatch):
    np = numpy()
    array = np.zeros((2, 2, 3), dtype="uint8")
    monkeypatch.setitem(sys.modules, "PIL", None)
    monkeypatch.setitem(sys.modules, "PIL.Image", None)
    with pytest.raises(Error, match='Image "Out" .*needs Pillow.*--pyodide-packages URL'):
        gr.Image(label="Out").postprocess(array)


def test_image_keywords_props_and_validation():
    image = gr.Image(
        value=None,
        format="png",
        height=240,
        width="50%",
        image_mode="L",
        sources="upload",
        type="filepath",
        label="Photo",
        every=None,
        inputs=None,
        show_label=True,
        buttons=["share"],
        container=True,
        scale=1,
        min_width=160,
        interactive=True,
        visible=True,
        streaming=False,
        elem_id="p",
        elem_classes=["a"],
        render=True,
        key="k",
        preserved_by_key="value",
        webcam_options=None,
        placeholder="Drop a cat",
        watermark=None,
        alt_text="A cat",
    )
    assert image.props() == {
        "height": "240px",
        "width": "50%",
        "sources": ["upload"],
        "placeholder": "Drop a cat",
        "download": False,
        "alt_text": "A cat",
    }
    assert gr.Image().props()["sources"] == ["upload", "webcam", "clipboard"]
    assert gr.Image(streaming=True).sources == ["webcam"]
    with pytest.raises(ValueError, match="type"):
        gr.Image(type="bytes")
    with pytest.raises(ValueError, match="sources"):
        gr.Image(sources=["scanner"])
    with pytest.raises(ValueError, match="streaming"):
        gr.Image(streaming=True, sources=["upload"])


def test_an_example_file_next_to_app_py_stays_relative(tmp_path, monkeypatch, no_pillow):
    (tmp_path / "cat.png").write_bytes(png(2, 2))
    monkeypatch.chdir(tmp_path)
    image = gr.Image(type="filepath")
    example = image.example_value("cat.png")
    assert example["path"] == "cat.png" and example["url"] is None
    assert example["orig_name"] == "cat.png"
    # Loaded into the input, the page sends it back as it is.
    assert image.preprocess(example) == "cat.png"
    # A path given absolute (Path(__file__).parent / "cat.png") is the same example.
    assert image.example_value(tmp_path / "cat.png") == example
    # Gradio's examples for one input may be rows ([["cat.png"]]) or flat (["cat.png"]).
    for examples in ([["cat.png"]], ["cat.png"]):
        demo = gr.Interface(lambda p: p, image, "text", examples=examples)
        assert demo.config()["examples"]["rows"] == [[example]]


# ---- Audio ----


def test_audio_filepath_and_numpy(tmp_path, no_pillow):
    clip = wav(tmp_path / "a.wav", struct.pack("<4h", 0, 1000, -1000, 32767))
    assert gr.Audio(type="filepath").preprocess(upload(clip)) == str(clip)
    with pytest.raises(InputError, match='Audio "Voice" with type="numpy" needs numpy'):
        gr.Audio(label="Voice").preprocess(upload(clip))


def test_audio_numpy_reads_wav_as_gradio_gives_it(tmp_path):
    np = numpy()
    mono = wav(tmp_path / "m.wav", struct.pack("<4h", 0, 1000, -1000, 32767), rate=16000)
    rate, data = gr.Audio().preprocess(upload(mono))
    assert rate == 16000 and data.dtype == np.int16 and data.tolist() == [0, 1000, -1000, 32767]
    stereo = wav(tmp_path / "s.wav", struct.pack("<4h", 1, 2, 3, 4), channels=2)
    assert gr.Audio().preprocess(upload(stereo))[1].tolist() == [[1, 2], [3, 4]]
    mp3 = tmp_path / "song.mp3"
    mp3.write_bytes(b"ID3" + bytes(20))
    with pytest.raises(InputError, match='WAV files only.*type="filepath"'):
        gr.Audio().preprocess(upload(mp3))


def test_audio_output_from_samples_bytes_and_paths(tmp_path):
    # A (rate, samples) tuple needs no numpy when the samples are a plain list.
    out = gr.Audio().postprocess((8000, [0, 100, -100]))
    with wave.open(out["path"]) as got:
        assert got.getframerate() == 8000 and got.getnframes() == 3
        assert struct.unpack("<3h", got.readframes(3)) == (0, 100, -100)
    assert out["orig_name"] == "audio.wav"
    clip = wav(tmp_path / "a.wav", b"\x00\x00")
    by_bytes = gr.Audio().postprocess(clip.read_bytes())
    assert by_bytes["orig_name"] == "audio.wav"
    assert gr.Audio().postprocess(str(clip))["path"] == str(clip)
    assert gr.Audio().postprocess(None) is None
    with pytest.raises(Error, match="Cannot process int as Audio"):
        gr.Audio().postprocess(3)


def test_audio_output_from_a_numpy_array_is_normalised_to_16_bit():
    np = numpy()
    out = gr.Audio().postprocess((4000, np.array([[0.0, 0.5], [-0.25, 0.0]])))
    with wave.open(out["path"]) as got:
        assert got.getnchannels() == 2
        assert struct.unpack("<4h", got.readframes(2)) == (0, 32767, -16383, 0)
    peak = gr.Audio().postprocess((4000, np.array([10, -20], dtype="int32")))
    with wave.open(peak["path"]) as got:
        assert len(got.readframes(2)) == 4


def test_audio_keywords_and_microphone():
    audio = gr.Audio(
        value=None,
        sources=["upload", "microphone"],
        type="filepath",
        label="Voice",
        every=None,
        inputs=None,
        show_label=True,
        container=True,
        scale=None,
        min_width=160,
        interactive=None,
        visible=True,
        streaming=False,
        elem_id=None,
        elem_classes=None,
        render=True,
        key=None,
        preserved_by_key="value",
        format="wav",
        autoplay=True,
        editable=True,
        buttons=None,
        waveform_options={"waveform_color": "red"},
        loop=True,
        recording=False,
        subtitles=None,
        playback_position=0,
    )
    assert audio.props() == {"autoplay": True, "loop": True, "download": True}
    mic = from_shortcut("microphone")
    assert isinstance(mic, gr.Audio) and mic.sources == ["microphone"]
    with pytest.raises(ValueError, match="sources"):
        gr.Audio(sources="webcam")


# ---- Video ----


def test_video_in_and_out(tmp_path):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(16))
    video = gr.Video(label="Clip")
    assert video.preprocess(upload(clip)) == str(clip)
    assert video.preprocess(None) is None
    out = video.postprocess(str(clip))
    assert out["mime_type"] == "video/mp4" and out["orig_name"] == "clip.mp4"
    assert video.postprocess((str(clip), None))["path"] == str(clip)  # (video, subtitles)
    assert video.postprocess(clip.read_bytes())["orig_name"] == "video.mp4"
    assert video.postprocess(b"\x1a\x45\xdf\xa3 webm")["orig_name"] == "video.webm"
    assert video.postprocess(None) is None and video.postprocess((None, None)) is None


def test_video_keywords_and_playable_video():
    video = gr.Video(
        value=None,
        format="mp4",
        sources="upload",
        height=300,
        width=None,
        label="Clip",
        every=None,
        inputs=None,
        show_label=True,
        container=True,
        scale=None,
        min_width=160,
        interactive=None,
        visible=True,
        elem_id=None,
        elem_classes=None,
        render=True,
        key=None,
        preserved_by_key="value",
        webcam_options=None,
        include_audio=False,
        autoplay=False,
        buttons=["download"],
        loop=False,
        streaming=False,
        watermark=None,
        subtitles=None,
        playback_position=0,
    )
    assert video.props() == {
        "height": "300px",
        "width": None,
        "autoplay": False,
        "loop": False,
        "download": True,
    }
    assert type(from_shortcut("playablevideo")) is gr.PlayableVideo
    assert from_shortcut("playablevideo").format == "mp4"


# ---- Gallery ----


def test_gallery_output_with_captions(photo, tmp_path):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"x")
    gallery = gr.Gallery()
    got = gallery.postprocess([str(photo), (photo, "A red box")])
    assert [item["caption"] for item in got] == [None, "A red box"]
    assert got[0]["image"]["path"] == str(photo) and got[0]["image"]["mime_type"] == "image/png"
    videos = gallery.postprocess([(clip, 3), file_data(clip)])
    assert [list(item) for item in videos] == [["video", "caption"]] * 2
    assert videos[0]["caption"] == "3"
    assert gallery.postprocess(None) == []
    assert gallery.postprocess([("https://example.com/a.png", "remote")])[0]["image"]["url"]
    with pytest.raises(Error, match="must be a list"):
        gallery.postprocess(str(photo))
    with pytest.raises(Error, match="Cannot process type as image: int"):
        gallery.postprocess([1])


def test_gallery_output_from_pil_and_numpy():
    pil = pillow()
    np = numpy()
    got = gr.Gallery(format="png").postprocess(
        [(pil.new("RGB", (3, 3)), "pil"), (np.zeros((2, 2, 3), dtype="uint8"), "array")]
    )
    # Saved as PNG files; like Gradio's, they have no name of their own (parity/gallery_out).
    assert [g["image"]["path"][-4:] for g in got] == [".png", ".png"]
    assert [g["image"]["mime_type"] for g in got] == ["image/png", "image/png"]
    assert [g["image"]["orig_name"] for g in got] == [None, None]
    assert [g["caption"] for g in got] == ["pil", "array"]


def test_gallery_input_gives_media_caption_pairs(photo):
    page = gr.Gallery().postprocess([(photo, "box")])
    assert gr.Gallery().preprocess(page) == [(str(photo), "box")]
    assert gr.Gallery().preprocess([]) is None
    with pytest.raises(InputError, match="Invalid file type"):
        gr.Gallery(file_types=[".jpg"]).preprocess(page)
    pil = pillow()
    image, caption = gr.Gallery(type="pil").preprocess(page)[0]
    assert isinstance(image, pil.Image) and caption == "box"
    assert gr.Gallery(type="numpy").preprocess(page)[0][0].shape == (3, 5, 4)


def test_gallery_keywords_and_props():
    gallery = gr.Gallery(
        value=None,
        format="png",
        file_types=["image"],
        label="Pictures",
        every=None,
        inputs=None,
        show_label=True,
        container=True,
        scale=None,
        min_width=160,
        visible=True,
        elem_id=None,
        elem_classes=None,
        render=True,
        key=None,
        preserved_by_key="value",
        columns=3,
        rows=2,
        height=400,
        allow_preview=True,
        preview=None,
        selected_index=1,
        object_fit="cover",
        buttons=None,
        interactive=False,
        type="filepath",
        fit_columns=False,
        sources=["upload"],
    )
    assert gallery.props() == {
        "columns": 3,
        "height": "400px",
        "object_fit": "cover",
        "allow_preview": True,
        "preview": True,  # a selected_index opens the preview, as in Gradio
        "selected_index": 1,
        "fit_columns": False,
    }
    assert gr.Gallery(selected_index=0, allow_preview=False).props()["preview"] is False
    assert gr.Gallery(columns=None).props()["columns"] == 2
    with pytest.raises(ValueError, match="object_fit"):
        gr.Gallery(object_fit="stretch")


def test_shortcuts():
    iface = gr.Interface(lambda *a: a, ["image", "audio", "video"], ["gallery", "image"])
    types = [c.type for c in iface.input_components + iface.output_components]
    assert types == ["image", "audio", "video", "gallery", "image"]


def test_bytes_are_named_by_what_they_are():
    from lite.components.media import extension

    assert extension(png(1, 1)) == ".png"
    assert extension(b"\xff\xd8\xff\xe0") == ".jpg"
    assert extension(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == ".webp"
    assert extension(b"RIFF\x00\x00\x00\x00WAVEfmt ") == ".wav"
    assert extension(b"<svg xmlns='x'/>") == ".svg"
    assert extension(b"nothing") == ""
