"""Image and Audio outputs fed each kind of value: arrays of each dtype and shape, PIL
images in each mode, sample tuples, paths and None."""

import base64
import io
import math
import wave
from pathlib import Path

import gradio as gr
import numpy as np
from PIL import Image

PNG = (  # a 3x2 RGB picture
    "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAGElEQVR4nGP4z8DA8J+BgeE/"
    "E4T6z8AAADvsBf1YPrxHAAAAAElFTkSuQmCC"
)
Path("pixels.png").write_bytes(base64.b64decode(PNG))
WAV = io.BytesIO()
with wave.open(WAV, "wb") as out:
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(8000)
    out.writeframes(np.arange(64, dtype="<i2").tobytes())
Path("tone.wav").write_bytes(WAV.getvalue())

WAVE = [math.sin(i / 3) for i in range(80)]
LOUD = (np.array(WAVE) * 9000).astype(np.int16)
CASES = {
    "paths": ("pixels.png", "tone.wav"),
    "uint8": (np.full((2, 3, 3), 200, dtype=np.uint8), (8000, np.array(WAVE) * 0.5)),
    "floats": (np.linspace(0, 1, 12).reshape(2, 2, 3), (8000, np.array(WAVE, dtype=np.float32))),
    "grey": (np.arange(6, dtype=np.uint8).reshape(2, 3), (16000, LOUD)),
    "wide": (np.full((2, 2, 4), 300, dtype=np.int32), (8000, np.zeros((40, 2), dtype=np.int16))),
    "bools": (np.array([[True, False]]), (8000, np.array(WAVE) * 3)),
    "pil rgba": (Image.new("RGBA", (2, 2), (1, 2, 3, 4)), (8000, np.zeros(0, dtype=np.int16))),
    "pil grey": (Image.new("L", (3, 1), 9), WAV.getvalue()),
    "none": (None, None),
}


def show(case):
    return CASES[case][0], CASES[case][0], CASES[case][1], CASES[case][1]


demo = gr.Interface(
    show,
    gr.Radio(list(CASES), value="paths", label="Case"),
    [
        gr.Image(label="Picture"),
        gr.Image(format="png", label="PNG"),
        gr.Audio(label="Sound"),
        gr.Audio(format="wav", label="WAV"),
    ],
    examples=[[case] for case in CASES],  # every case, one row each
)

if __name__ == "__main__":
    demo.launch()
