"""Image in each type= (filepath, pil, numpy), each returned to an Image output as it came."""

import base64
from pathlib import Path

import gradio as gr

PNG = (  # a 3x2 RGB picture, written beside the app for its examples
    "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAGElEQVR4nGP4z8DA8J+BgeE/"
    "E4T6z8AAADvsBf1YPrxHAAAAAElFTkSuQmCC"
)
Path("example.png").write_bytes(base64.b64decode(PNG))


def echo(path, picture, array):
    return path, picture, array


demo = gr.Interface(
    echo,
    [
        gr.Image(type="filepath", label="Path"),
        gr.Image(type="pil", label="Picture"),
        gr.Image(type="numpy", label="Array"),
    ],
    [gr.Image(label="Path back"), gr.Image(label="Picture back"), gr.Image(label="Array back")],
    examples=[["example.png", "example.png", "example.png"], ["example.png", None, None]],
)

if __name__ == "__main__":
    demo.launch()
