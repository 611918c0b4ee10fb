"""Examples with empty cells, and a column with no examples at all (Gradio leaves that
input alone when an example is picked)."""

import gradio as gr


def describe(name, level, keen, note):
    return repr((name, level, keen, note))


demo = gr.Interface(
    describe,
    [
        gr.Textbox(label="Name"),
        gr.Slider(1, 9, value=5, step=1, label="Level"),
        gr.Checkbox(value=True, label="Keen"),
        gr.Textbox("kept", label="Note"),
    ],
    "text",
    examples=[["Ada", None, None, None], [None, 7, False, None]],
)

if __name__ == "__main__":
    demo.launch()
