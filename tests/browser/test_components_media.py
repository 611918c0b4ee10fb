"""Image, Audio, Video and Gallery in real Chromium, driven as a user would: pick, drop
and paste files, see them, play them (metadata only), download them."""

from __future__ import annotations

import re
import struct
import wave
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

EXAMPLES = Path(__file__).parents[2] / "examples"

ECHO = """
import gradio as gr
from pathlib import Path

def echo(path):
    return path, Path(path).name

gr.Interface(echo, gr.Image(type="filepath", label="Photo"),
             [gr.Image(label="Result", alt_text="The photo, as Python got it"),
              gr.Textbox(label="Name")]).launch()
"""

PIL_APP = """
import gradio as gr

gr.Interface(lambda image: image.size, gr.Image(type="pil", label="Photo"), "text").launch()
"""

PLAYERS = """
import gradio as gr

def both(sound, clip):
    return sound, clip

gr.Interface(both, [gr.Audio(type="filepath", label="Sound"), gr.Video(label="Clip")],
             [gr.Audio(label="Echo"), gr.Video(label="Replay")]).launch()
"""

# Writes its PNGs with the standard library, as a browser app without Pillow would.
GALLERY = """
import struct, zlib
from pathlib import Path
import gradio as gr

def png(path, rgb, size):
    def chunk(kind, data):
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc
    rows = (b"\\0" + bytes(rgb) * size) * size
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    Path(path).write_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", ihdr)
                           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path

def swatches(n):
    colours = [("Red", (230, 40, 40)), ("Green", (40, 200, 60)), ("Blue", (40, 80, 230))]
    return [(png(f"{name.lower()}.png", rgb, 8 + 4 * i), f"{name} swatch")
            for i, (name, rgb) in enumerate(colours[: int(n)])]

gr.Interface(swatches, gr.Number(label="How many", value=3),
             gr.Gallery(label="Swatches", columns=3)).launch()
"""


def png(width: int, height: int) -> bytes:
    """A solid orange RGB PNG (standard library only)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = (b"\x00" + bytes((249, 115, 22)) * width) * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def starts(prefix: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(prefix))


def submit(page: Page) -> None:
    page.get_by_role("button", name="Submit").click()


def natural_width(img: Locator) -> int:
    """The decoded image's width (0 until it has loaded and decoded)."""
    expect(img).to_have_js_property("complete", True)
    width: int = img.evaluate("img => img.naturalWidth")
    return width


def give_file(page: Page, target: Locator, event: str, name: str, data: bytes, mime: str) -> None:
    """Drop (event="drop") or paste (event="paste") a file on `target`, as the OS would."""
    target.evaluate(
        """(el, [event, name, bytes, mime]) => {
            const file = new File([new Uint8Array(bytes)], name, { type: mime });
            const data = new DataTransfer();
            data.items.add(file);
            const init = { bubbles: true, cancelable: true };
            el.dispatchEvent(event === "paste"
                ? new ClipboardEvent("paste", { ...init, clipboardData: data })
                : new DragEvent("drop", { ...init, dataTransfer: data }));
        }""",
        [event, name, list(data), mime],
    )


def test_an_uploaded_image_is_previewed_sent_as_a_path_shown_and_downloadable(
    page, app_from_source, open_app, tmp_path
):
    open_app(page, app_from_source(ECHO))
    photo = tmp_path / "box.png"
    photo.write_bytes(png(7, 4))
    page.get_by_label("Photo").set_input_files(photo)
    preview = page.locator(".lite-block-image .lite-media-drop img")
    assert natural_width(preview) == 7
    expect(preview).to_have_attribute("alt", "Preview of box.png")
    submit(page)
    expect(page.get_by_label("Name")).to_have_text("box.png")
    shown = page.get_by_label("Result").get_by_role("img", name="The photo, as Python got it")
    expect(shown).to_have_attribute("src", starts("blob:"))
    assert natural_width(shown) == 7
    with page.expect_download() as info:
        page.get_by_label("Result").get_by_role("link", name="Download box.png").click()
    assert info.value.suggested_filename == "box.png"
    assert info.value.path().read_bytes() == photo.read_bytes()


@pytest.mark.parametrize("event", ["drop", "paste"])
def test_an_image_can_be_dropped_or_pasted(page, app_from_source, open_app, event):
    open_app(page, app_from_source(ECHO))
    zone = page.locator(".lite-block-image .lite-media-drop").first
    give_file(page, zone, event, f"{event}.png", png(3, 9), "image/png")
    assert natural_width(zone.locator("img")) == 3
    submit(page)
    expect(page.get_by_label("Name")).to_have_text(f"{event}.png")
    assert natural_width(page.get_by_label("Result").get_by_role("img")) == 3
    zone.get_by_role("button", name="Remove").click()
    expect(zone.locator("img")).to_have_count(0)


def test_pasted_text_is_not_taken_for_an_image(page, app_from_source, open_app):
    open_app(page, app_from_source(ECHO))
    zone = page.locator(".lite-block-image .lite-media-drop").first
    give_file(page, zone, "paste", "notes.txt", b"hello", "text/plain")
    expect(zone.locator("img")).to_have_count(0)
    expect(zone).to_have_class(starts("lite-media-drop lite-media-empty"))


def test_type_pil_without_pillow_in_the_browser_says_what_to_do(
    page, inline_app, open_app, tmp_path
):
    # `lite build` refuses this app; inline in a page, it runs and the event says what to do.
    open_app(page, inline_app(PIL_APP))
    photo = tmp_path / "p.png"
    photo.write_bytes(png(2, 2))
    page.get_by_label("Photo").set_input_files(photo)
    submit(page)
    error = page.locator(".lite-block-image .lite-field-error")
    expect(error).to_contain_text('Image "Photo" with type="pil" needs Pillow')
    expect(error).to_contain_text('type="filepath"')
    expect(error).to_contain_text("--pyodide-packages URL")
    expect(page.get_by_label("Photo")).to_have_attribute("aria-invalid", "true")


def test_the_image_info_example_loads_a_shipped_example_and_reads_its_header(
    page, built_site, open_app
):
    open_app(page, built_site(EXAMPLES / "image_tools" / "app.py"))
    examples = page.locator(".lite-examples")
    expect(examples.get_by_role("button", name="sunset.png")).to_be_visible()
    examples.get_by_role("button", name="tiles.jpg").click()
    # The shipped file is previewed from the site's copy of it.
    assert natural_width(page.locator(".lite-block-image .lite-media-drop img")) == 120
    submit(page)
    info = page.get_by_label("Info")
    expect(info).to_contain_text('"format": "JPEG"')
    expect(info).to_contain_text('"width": 120')
    expect(info).to_contain_text('"height": 90')
    assert natural_width(page.get_by_label("Image").get_by_role("img")) == 120


def wav_bytes(path: Path, seconds: float, rate: int = 8000) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return path


# A short WebM recorded from a canvas by the page itself (there is no ffmpeg here).
RECORD_WEBM = """async () => {
    const canvas = Object.assign(document.createElement("canvas"), { width: 64, height: 48 });
    const ctx = canvas.getContext("2d");
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: "video/webm" });
    const chunks = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const done = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    for (let i = 0; i < 8; i++) {
        ctx.fillStyle = `hsl(${i * 40}, 80%, 50%)`;
        ctx.fillRect(0, 0, 64, 48);
        await new Promise((r) => setTimeout(r, 40));
    }
    recorder.stop();
    await done;
    return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
}"""


def test_audio_and_video_play_from_object_urls_and_download(
    page, app_from_source, open_app, tmp_path
):
    open_app(page, app_from_source(PLAYERS))
    sound = wav_bytes(tmp_path / "tone.wav", 0.5)
    clip = tmp_path / "clip.webm"
    clip.write_bytes(bytes(page.evaluate(RECORD_WEBM)))
    page.get_by_label("Sound").set_input_files(sound)
    page.get_by_label("Clip").set_input_files(clip)
    submit(page)
    audio = page.get_by_label("Echo").locator("audio")
    expect(audio).to_have_attribute("src", starts("blob:"))
    expect(audio).to_have_attribute("controls", "")
    page.wait_for_function("a => a.readyState >= 1", arg=audio.element_handle())
    assert audio.evaluate("a => a.duration") == pytest.approx(0.5, abs=0.01)
    video = page.get_by_label("Replay").locator("video")
    expect(video).to_have_attribute("src", starts("blob:"))
    page.wait_for_function("v => v.readyState >= 1", arg=video.element_handle())
    assert video.evaluate("v => [v.videoWidth, v.videoHeight]") == [64, 48]
    with page.expect_download() as info:
        page.get_by_label("Echo").get_by_role("link", name="Download tone.wav").click()
    assert info.value.path().read_bytes() == sound.read_bytes()


def test_a_gallery_shows_images_with_captions_and_a_preview(page, app_from_source, open_app):
    open_app(page, app_from_source(GALLERY))
    submit(page)
    gallery = page.get_by_label("Swatches")
    expect(gallery.locator("figcaption")).to_have_text(
        ["Red swatch", "Green swatch", "Blue swatch"]
    )
    blue = gallery.get_by_role("img", name="Blue swatch")
    assert natural_width(blue) == 16
    gallery.get_by_role("button", name="View Green swatch").click()
    preview = gallery.locator(".lite-gallery-preview")
    expect(preview.locator("figcaption")).to_have_text("Green swatch")
    assert natural_width(preview.get_by_role("img", name="Green swatch")) == 12
    with page.expect_download() as info:
        preview.get_by_role("link", name="Download green.png").click()
    assert info.value.suggested_filename == "green.png"
    assert info.value.path().read_bytes().startswith(b"\x89PNG")
    gallery.get_by_role("button", name="Close preview").click()
    expect(preview).to_have_count(0)
    # A new result replaces the grid.
    page.get_by_label("How many").fill("1")
    submit(page)
    expect(gallery.locator("figcaption")).to_have_text(["Red swatch"])


SHIPPED = """
from pathlib import Path
import gradio as gr

here = Path(__file__).parent
gr.Interface(lambda image: image, gr.Image(value=here / "dot.png", type="filepath", label="Photo"),
             gr.Gallery(value=[("dot.png", "A dot")], label="Shipped")).launch()
"""


def test_initial_values_from_files_next_to_app_py_are_shown(page, built_site, open_app, tmp_path):
    (tmp_path / "app.py").write_text(SHIPPED)
    (tmp_path / "dot.png").write_bytes(png(6, 6))
    open_app(page, built_site(tmp_path / "app.py"))
    assert natural_width(page.locator(".lite-block-image .lite-media-drop img")) == 6
    assert natural_width(page.get_by_label("Shipped").get_by_role("img", name="A dot")) == 6
