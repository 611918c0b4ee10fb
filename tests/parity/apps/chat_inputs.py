"""Chatbot and HighlightedText as inputs: what the function gets from each, and the same
value shown back."""

import gradio as gr


def echo(history, marked):
    return history, marked


demo = gr.Interface(
    echo,
    [gr.Chatbot(label="History"), gr.HighlightedText(label="Marked")],
    [gr.Chatbot(label="History back"), gr.HighlightedText(label="Marked back")],
)

if __name__ == "__main__":
    demo.launch()
