"""Audio in each type= (filepath, numpy), returned to Audio outputs as it came."""

import gradio as gr


def echo(path, sound):
    return path, sound


demo = gr.Interface(
    echo,
    [gr.Audio(type="filepath", label="Path"), gr.Audio(type="numpy", label="Samples")],
    [gr.Audio(label="Path back"), gr.Audio(label="Samples back")],
)

if __name__ == "__main__":
    demo.launch()
