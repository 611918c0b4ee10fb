"""gr.Error, a plain exception, and gr.Info / gr.Warning toasts, chosen by the input."""

import gradio as gr


def act(what):
    if what == "gr.Error":
        raise gr.Error("Shown to the user.")
    if what == "ValueError":
        raise ValueError("A bug in the app.")
    if what == "toasts":
        gr.Info("Some info.")
        gr.Warning("A warning.")
    if what == "bad output":
        return object()
    return what


demo = gr.Interface(
    act, gr.Radio(["ok", "gr.Error", "ValueError", "toasts", "bad output"], value="ok"), "json"
)

if __name__ == "__main__":
    demo.launch()
