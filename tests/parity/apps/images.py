"""Image in each type= (filepath, pil, numpy), each returned to an Image output as it came."""

import gradio as gr


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
)

if __name__ == "__main__":
    demo.launch()
