"""Image keywords that change what the function gets: image_mode, format, and a PNG output."""

import gradio as gr


def echo(grey, kept, png):
    return grey, kept, png


demo = gr.Interface(
    echo,
    [
        gr.Image(type="pil", image_mode="L", label="Grey"),
        gr.Image(type="numpy", image_mode=None, label="Kept"),
        gr.Image(type="filepath", format="png", label="PNG"),
    ],
    [gr.Image(format="png"), gr.Image(type="numpy"), gr.Image(type="filepath")],
)

if __name__ == "__main__":
    demo.launch()
