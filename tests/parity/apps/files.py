"""File in each type= (filepath, binary), single and multiple, with and without file_types."""

from pathlib import Path

import gradio as gr


def sizes(one, raw, many, raws):
    def name(path):
        return Path(path).name

    parts = [
        f"one: {None if one is None else (name(one), Path(one).stat().st_size)}",
        f"raw: {None if raw is None else len(raw)}",
        f"many: {None if many is None else [name(p) for p in many]}",
        f"raws: {None if raws is None else [len(r) for r in raws]}",
    ]
    return "\n".join(parts), many, raw


demo = gr.Interface(
    sizes,
    [
        gr.File(label="One"),
        gr.File(type="binary", label="Raw"),
        gr.File(file_count="multiple", file_types=[".txt", ".md"], label="Many"),
        gr.File(file_count="multiple", type="binary", label="Raws"),
    ],
    ["text", gr.File(file_count="multiple", label="Back"), gr.File(label="Bytes back")],
)

if __name__ == "__main__":
    demo.launch()
