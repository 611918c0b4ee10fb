"""HighlightedText and Chatbot (messages) outputs fed each kind of value they take."""

import base64
from pathlib import Path

import gradio as gr

PNG = (  # a 3x2 RGB picture
    "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAGElEQVR4nGP4z8DA8J+BgeE/"
    "E4T6z8AAADvsBf1YPrxHAAAAAElFTkSuQmCC"
)
Path("pixels.png").write_bytes(base64.b64decode(PNG))

CASES = {
    "pairs": (
        [("The ", None), ("cat", "animal"), (" sat on ", None), ("Grüße", "word")],
        [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "**Hello**"}],
    ),
    "entities": (
        {"text": "Ada wrote it", "entities": [{"entity": "person", "start": 0, "end": 3}]},
        [{"role": "user", "content": "世界"}],
    ),
    "scores": ([("good", 0.9), ("bad", -0.4), ("meh", 0)], []),
    "none": (None, None),
    "tuples": ([["a", "x"], ["b", None]], [gr.ChatMessage(role="assistant", content="ok")]),
    "labels": (
        {
            "text": "Paris is in France",
            "entities": [
                {"entity": "city", "start": 0, "end": 5},
                {"label": "country", "start": 12, "end": 18},
            ],
        },
        [{"role": "assistant", "content": "thinking", "metadata": {"title": "Plan"}}],
    ),
    "joined": (
        [("a", "x"), ("b", "x"), ("c", None), ("d", "x")],
        [{"role": "user", "content": ""}, {"role": "assistant", "content": "<b>x</b> & y"}],
    ),
    "old pairs": ([], [["Hi", "Hello"]]),
    "bad role": ([], [{"role": "robot", "content": "beep"}]),
    "files": (
        [],
        [
            {"role": "user", "content": {"path": "pixels.png"}},
            {"role": "assistant", "content": [{"path": "pixels.png", "alt_text": "dots"}, "see?"]},
        ],
    ),
    "component": ([], [{"role": "assistant", "content": gr.Image("pixels.png")}]),
}


def show(case):
    return CASES[case][0], CASES[case][0], CASES[case][1]


demo = gr.Interface(
    show,
    gr.Radio(list(CASES), value="pairs", label="Case"),
    [
        gr.HighlightedText(label="Marked"),
        gr.HighlightedText(combine_adjacent=True, color_map={"animal": "green"}, label="Joined"),
        gr.Chatbot(label="Chat"),
    ],
    examples=[[case] for case in CASES],  # every case, one row each
)

if __name__ == "__main__":
    demo.launch()
