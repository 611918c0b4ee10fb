"""A number used as a count: `text * n` needs an int, as in Gradio's textbox demos."""

import gradio as gr


def repeat(name: str, times: float):
    return "Hello " + name * int(times) + "!!", name * times


demo = gr.Interface(
    fn=repeat,
    inputs=[gr.Textbox(lines=2, max_lines=4), gr.Number(value=3)],
    outputs=["textarea", "text"],
)

if __name__ == "__main__":
    demo.launch()
