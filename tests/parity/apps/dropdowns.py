"""Dropdown: multiselect (values and indices), custom values, no value, a choice limit."""

import gradio as gr


def dropdowns(activities, picked, custom, nothing, limited):
    return activities, picked, custom, nothing, limited


demo = gr.Interface(
    dropdowns,
    [
        gr.Dropdown(
            ["ran", "swam", "ate", "slept"],
            value=["swam", "slept"],
            multiselect=True,
            label="Activity",
        ),
        gr.Dropdown(
            [("One", 1), ("Two", 2), ("Three", 3)], multiselect=True, type="index", label="Picked"
        ),
        gr.Dropdown(["tea", "coffee"], allow_custom_value=True, label="Drink"),
        gr.Dropdown(["x", "y"], value=None, label="Nothing yet"),
        gr.Dropdown(["a", "b", "c"], multiselect=True, max_choices=2, label="At most two"),
    ],
    [
        gr.Dropdown(["ran", "swam", "ate", "slept"], multiselect=True),
        gr.JSON(),
        gr.Dropdown(["tea", "coffee"], allow_custom_value=True),
        gr.Dropdown(["x", "y"]),
        gr.Dropdown(["a", "b", "c"], multiselect=True),
    ],
)

if __name__ == "__main__":
    demo.launch()
