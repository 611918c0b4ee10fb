"""Every choice component in one sentence, with examples, like Gradio's sentence builder."""

import gradio as gr


def sentence_builder(quantity, animal, countries, place, activity_list, morning):
    return (
        f"The {quantity} {animal}s from {' and '.join(countries)} went to the {place} "
        f"where they {' and '.join(activity_list)} until the {'morning' if morning else 'night'}"
    )


demo = gr.Interface(
    sentence_builder,
    [
        gr.Slider(2, 20, value=4, label="Count", info="Choose between 2 and 20"),
        gr.Dropdown(["cat", "dog", "bird"], label="Animal"),
        gr.CheckboxGroup(["USA", "Japan", "Pakistan"], label="Countries"),
        gr.Radio(["park", "zoo", "road"], label="Location"),
        gr.Dropdown(
            ["ran", "swam", "ate", "slept"],
            value=["swam", "slept"],
            multiselect=True,
            label="Activity",
        ),
        gr.Checkbox(label="Morning"),
    ],
    "text",
    examples=[
        [2, "cat", ["Japan", "Pakistan"], "park", ["ate", "swam"], True],
        [10, "bird", ["USA", "Pakistan"], "road", ["ran"], False],
    ],
)

if __name__ == "__main__":
    demo.launch()
