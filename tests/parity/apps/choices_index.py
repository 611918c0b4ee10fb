"""The same choice components with type="index": the function gets positions."""

import gradio as gr


def positions(size, level, toppings, codes, colour):
    return repr((size, level, toppings, codes, colour))


demo = gr.Interface(
    positions,
    [
        gr.Radio(["S", "M", "L"], type="index", label="Size"),
        gr.Radio([("Low", 1), ("High", 2)], value=2, type="index", label="Level"),
        gr.CheckboxGroup(["ham", "egg", "cress"], value=["egg"], type="index", label="Toppings"),
        gr.CheckboxGroup([("Alpha", "a"), ("Beta", "b")], type="index", label="Codes"),
        gr.Dropdown(["red", "green", "blue"], type="index", label="Colour"),
    ],
    "text",
)

if __name__ == "__main__":
    demo.launch()
