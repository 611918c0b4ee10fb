"""A generator's last value is the answer; its partial values stream first."""

import gradio as gr


def count_to(n):
    total = ""
    for i in range(int(n or 0)):
        total += str(i)
        yield total


demo = gr.Interface(count_to, gr.Slider(0, 10, value=3, step=1), "text")

if __name__ == "__main__":
    demo.launch()
