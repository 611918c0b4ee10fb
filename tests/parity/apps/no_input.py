"""No inputs at all: the function runs on Submit alone."""

import gradio as gr

SENTENCES = ["Good morning!", "Have a safe day!", "Hello!"]
count = [0]


def next_sentence():
    count[0] += 1
    return SENTENCES[count[0] % len(SENTENCES)]


demo = gr.Interface(fn=next_sentence, inputs=None, outputs="text")

if __name__ == "__main__":
    demo.launch()
