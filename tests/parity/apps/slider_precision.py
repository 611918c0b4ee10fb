"""Slider(precision=...): Gradio rounds what the function gets and shows."""

import gradio as gr


def both(whole, two):
    return whole, two


demo = gr.Interface(
    both,
    [
        gr.Slider(0, 10, value=3, step=0.5, precision=0),
        gr.Slider(0, 1, value=0.333, step=0.001, precision=2),
    ],
    [gr.Slider(0, 10, precision=0), "number"],
)

if __name__ == "__main__":
    demo.launch()
