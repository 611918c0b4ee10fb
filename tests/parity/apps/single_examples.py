"""One input with examples in Gradio's nested form, and a Label output from an int."""

import gradio as gr


def longest(text):
    return max(len(word) for word in text.split(" "))


demo = gr.Interface(
    longest,
    "textbox",
    "label",
    examples=[["The quick brown fox jumped over the lazy dog."], ["a bb ccc"]],
)

if __name__ == "__main__":
    demo.launch()
