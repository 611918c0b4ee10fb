"""One input with examples as a flat list, and a Number input's examples."""

import gradio as gr


def double(n):
    return n * 2


demo = gr.Interface(double, gr.Number(), gr.Number(), examples=[1, 2.5, 3.0, -4])

if __name__ == "__main__":
    demo.launch()
