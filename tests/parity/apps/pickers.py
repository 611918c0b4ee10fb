"""Code, ColorPicker and DateTime in each of its types, as inputs."""

import gradio as gr


def show(code, colour, stamp, moment, day, text):
    return repr((code, colour, stamp, moment, day, text))


demo = gr.Interface(
    show,
    [
        gr.Code("print('hi')", language="python", label="Code"),
        gr.ColorPicker("#f97316", label="Colour"),
        gr.DateTime("2024-05-01 13:45:07", label="Stamp"),
        gr.DateTime("2024-05-01 13:45:07", type="datetime", label="Moment"),
        gr.DateTime("2024-05-01", include_time=False, type="datetime", label="Day"),
        gr.DateTime("2024-05-01 13:45:07", type="string", label="Text"),
    ],
    "text",
)

if __name__ == "__main__":
    demo.launch()
