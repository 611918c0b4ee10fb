"""A Gallery output fed paths, (image, caption) pairs, PIL images, numpy arrays and None."""

import base64
from pathlib import Path

import gradio as gr
import numpy as np
from PIL import Image

PNG = (  # a 3x2 RGB picture
    "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAGElEQVR4nGP4z8DA8J+BgeE/"
    "E4T6z8AAADvsBf1YPrxHAAAAAElFTkSuQmCC"
)
Path("pixels.png").write_bytes(base64.b64decode(PNG))
PATH = str(Path("pixels.png").resolve())

CASES = {
    "paths": [PATH, PATH],
    "captions": [(PATH, "first"), (PATH, "zweite Größe")],
    "pil": [Image.new("RGB", (2, 2), (200, 30, 30))],
    "numpy": [np.zeros((2, 3, 3), dtype=np.uint8)],
    "empty": [],
    "none": None,
}


def show(case):
    return CASES[case]


demo = gr.Interface(
    show,
    gr.Radio(list(CASES), value="paths", label="Case"),
    gr.Gallery(label="Pictures"),
    examples=[[case] for case in CASES],  # every case, one row each
)

if __name__ == "__main__":
    demo.launch()
