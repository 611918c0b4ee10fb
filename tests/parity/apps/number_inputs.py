"""Number with and without precision, bounds and values; outputs round by their own."""

import gradio as gr


def numbers(empty, three, three_float, whole, two_places, bounded):
    return empty, three, three_float, whole, two_places, bounded, two_places, three_float


demo = gr.Interface(
    numbers,
    [
        gr.Number(label="Empty"),
        gr.Number(value=3, label="Three"),
        gr.Number(value=3.0, label="Three as float"),
        gr.Number(value=2.5, precision=0, label="Whole"),
        gr.Number(value=1.005, precision=2, label="Two places"),
        gr.Number(value=5, minimum=0, maximum=10, label="Zero to ten"),
    ],
    [
        gr.Number(),
        gr.Number(),
        gr.Number(),
        gr.Number(),
        gr.Number(),
        gr.Number(),
        gr.Number(precision=0),
        gr.Number(precision=1),
    ],
)

if __name__ == "__main__":
    demo.launch()
