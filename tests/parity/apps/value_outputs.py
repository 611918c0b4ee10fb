"""ColorPicker, DateTime, Code and File outputs fed each kind of value they take."""

import datetime as dt
from pathlib import Path

import gradio as gr

Path("notes.txt").write_text("Grüße\n", encoding="utf-8")
MOMENT = dt.datetime(2024, 5, 1, 13, 45, 7)
CASES = {
    "text": ("#f97316", "2024-05-01 13:45:07", "print('hi')", "notes.txt"),
    "objects": ("#ABC", MOMENT, "", ["notes.txt", "notes.txt"]),
    "stamp": ("red", 1714571107.5, "x = 'Grüße'\n", "notes.txt"),
    "path object": (None, None, None, Path("notes.txt")),
    "date": ("", dt.date(2024, 5, 1), "<b>", []),
    "none": (None, None, None, None),
}


def show(case):
    colour, moment, code, file = CASES[case]
    return colour, moment, moment, code, file


demo = gr.Interface(
    show,
    gr.Radio(list(CASES), value="text", label="Case"),
    [
        gr.ColorPicker(label="Colour"),
        gr.DateTime(label="Moment"),
        gr.DateTime(include_time=False, label="Day"),
        gr.Code(language="python", label="Code"),
        gr.File(file_count="multiple", label="Files"),
    ],
    examples=[[case] for case in CASES],  # every case, one row each
)

if __name__ == "__main__":
    demo.launch()
