"""Video in, video out: the path the function gets, and what the page gets back."""

import gradio as gr


def echo(clip):
    return clip, clip


demo = gr.Interface(
    echo,
    gr.Video(label="Clip"),
    [gr.Video(label="Back"), gr.File(label="As a file")],
)

if __name__ == "__main__":
    demo.launch()
