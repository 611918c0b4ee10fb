"""Gallery as an input, in each type= (filepath, pil, numpy), shown back in a Gallery."""

import gradio as gr


def echo(paths, pictures, arrays):
    return paths, pictures, arrays


demo = gr.Interface(
    echo,
    [
        gr.Gallery(type="filepath", label="Paths"),
        gr.Gallery(type="pil", label="Pictures"),
        gr.Gallery(type="numpy", label="Arrays"),
    ],
    [gr.Gallery(label="Paths back"), gr.Gallery(label="Pictures back"), gr.Gallery()],
)

if __name__ == "__main__":
    demo.launch()
