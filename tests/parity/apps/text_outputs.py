"""HighlightedText and Chatbot (messages) outputs fed each kind of value they take."""

import gradio as gr

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
)

if __name__ == "__main__":
    demo.launch()
