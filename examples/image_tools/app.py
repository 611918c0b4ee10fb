"""Image info: drop, paste or pick an image and read its format and size from its header."""

import struct
from pathlib import Path

import gradio as gr


def dimensions(data):
    """(format, width, height) read from the file's first bytes, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        width, height = struct.unpack(">II", data[16:24])
        return "PNG", width, height
    if data[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack("<HH", data[6:10])
        return "GIF", width, height
    if data.startswith(b"BM"):
        width, height = struct.unpack("<ii", data[18:26])
        return "BMP", width, abs(height)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        chunk = data[12:16]
        if chunk == b"VP8X":
            width = int.from_bytes(data[24:27], "little") + 1
            height = int.from_bytes(data[27:30], "little") + 1
            return "WebP", width, height
        if chunk == b"VP8L":
            bits = int.from_bytes(data[21:25], "little")
            return "WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        if chunk == b"VP8 ":
            width, height = struct.unpack("<HH", data[26:30])
            return "WebP", width & 0x3FFF, height & 0x3FFF
    if data.startswith(b"\xff\xd8"):
        # Walk the JPEG markers to the frame header (SOF0-SOF15, not DHT/JPG/DAC).
        at = 2
        while at + 9 < len(data):
            if data[at] != 0xFF:
                return None
            marker = data[at + 1]
            length = struct.unpack(">H", data[at + 2 : at + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[at + 5 : at + 9])
                return "JPEG", width, height
            at += 2 + length
    return None


def describe(path):
    if path is None:
        raise gr.Error("Pick an image first.")
    data = Path(path).read_bytes()
    found = dimensions(data)
    info = {"name": Path(path).name, "bytes": len(data)}
    if found is None:
        info["format"] = "unknown (not PNG, JPEG, GIF, BMP or WebP)"
    else:
        info["format"], info["width"], info["height"] = found
    return path, info


demo = gr.Interface(
    fn=describe,
    inputs=gr.Image(type="filepath", label="Photo"),
    outputs=[gr.Image(label="Image"), gr.JSON(label="Info")],
    examples=[["sunset.png"], ["tiles.jpg"]],
    title="Image info",
    description=(
        "Drop, paste or pick an image. Python reads its format and size from the file's "
        "header with the standard library, in your browser: nothing is uploaded anywhere."
    ),
)

demo.launch()
