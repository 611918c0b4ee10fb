"""Video in, video out: the path the function gets, and what the page gets back."""

from pathlib import Path

import gradio as gr

Path("example.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(16))  # a header only


def echo(clip):
    return clip, clip


demo = gr.Interface(
    echo,
    gr.Video(label="Clip"),
    [gr.Video(label="Back"), gr.File(label="As a file")],
    examples=[["example.mp4"]],
)

if __name__ == "__main__":
    demo.launch()
