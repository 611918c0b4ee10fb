"""Radio, CheckboxGroup and Dropdown returning values: plain, (label, value) pairs, numbers."""

import gradio as gr


def pick(size, level, toppings, codes, colour, count):
    return size, level, toppings, codes, colour, count


demo = gr.Interface(
    pick,
    [
        gr.Radio(["S", "M", "L"], label="Size"),
        gr.Radio([("Low", 1), ("High", 2)], value=2, label="Level"),
        gr.CheckboxGroup(["ham", "egg", "cress"], value=["egg"], label="Toppings"),
        gr.CheckboxGroup([("Alpha", "a"), ("Beta", "b"), ("Gamma", "c")], label="Codes"),
        gr.Dropdown(["red", "green", "blue"], label="Colour"),
        gr.Dropdown([1, 2, 3], value=2, label="Count"),
    ],
    [
        gr.Radio(["S", "M", "L"]),
        gr.Radio([("Low", 1), ("High", 2)]),
        gr.CheckboxGroup(["ham", "egg", "cress"]),
        gr.CheckboxGroup([("Alpha", "a"), ("Beta", "b"), ("Gamma", "c")]),
        gr.Dropdown(["red", "green", "blue"]),
        gr.Dropdown([1, 2, 3]),
    ],
)

if __name__ == "__main__":
    demo.launch()
