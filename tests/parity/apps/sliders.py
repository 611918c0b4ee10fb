"""Sliders: the default range, fractional steps, negative ranges, a value off the step."""

import gradio as gr


def sliders(default, unit, tenths, signed, quarter, counted):
    total = default + unit + tenths + signed + quarter + counted
    return default, unit, tenths, signed, quarter, counted, total


demo = gr.Interface(
    sliders,
    [
        gr.Slider(label="Default"),
        gr.Slider(0, 1, label="Unit"),
        gr.Slider(0, 1, value=0.5, step=0.1, label="Tenths"),
        gr.Slider(-5, 5, value=2, step=0.5, label="Signed"),
        gr.Slider(minimum=5, maximum=30, value=7.25, label="Off the step"),
        gr.Slider(2, 20, value=4, step=1, label="Count"),
    ],
    [gr.Slider(0, 100) for _ in range(6)] + ["number"],
)

if __name__ == "__main__":
    demo.launch()
