"""An async function, and a checkbox."""

import asyncio

import gradio as gr


async def later(flag, text):
    await asyncio.sleep(0)
    return text.upper() if flag else text


demo = gr.Interface(later, [gr.Checkbox(value=True), gr.Textbox("shout")], "text")

if __name__ == "__main__":
    demo.launch()
