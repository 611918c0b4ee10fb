"""Textbox in each of its types, a TextArea, a value given positionally, max_lines."""

import gradio as gr


def echo(plain, password, email, area, preset, short):
    return plain, password, email, area, preset, short


demo = gr.Interface(
    echo,
    [
        gr.Textbox(label="Plain"),
        gr.Textbox(type="password", label="Password"),
        gr.Textbox(type="email", label="Email"),
        gr.TextArea(label="Area"),
        gr.Textbox("strawberry", label="Preset"),
        gr.Textbox(lines=2, max_lines=4, placeholder="Two to four lines", label="Short"),
    ],
    [gr.Textbox() for _ in range(6)],
)

if __name__ == "__main__":
    demo.launch()
