"""An empty gr.Number() submitted as the page first shows it."""

import gradio as gr


def greet(name: str, repeat: float):
    return "Hello " + name * int(repeat) + "!!"


demo = gr.Interface(
    fn=greet, inputs=[gr.Textbox(lines=2, max_lines=4), gr.Number()], outputs="textarea"
)

if __name__ == "__main__":
    demo.launch()
