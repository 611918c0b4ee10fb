"""File in each type= (filepath, binary), single and multiple, with and without file_types."""

from pathlib import Path

import gradio as gr

Path("example.txt").write_text("An example file, Grüße.\n", encoding="utf-8")


def sizes(one, raw, many, picture, folder, raws):
    def name(path):
        return Path(path).name

    parts = [
        f"one: {None if one is None else (name(one), Path(one).stat().st_size)}",
        f"raw: {None if raw is None else len(raw)}",
        f"many: {None if many is None else [name(p) for p in many]}",
        f"picture: {None if picture is None else name(picture)}",
        f"folder: {None if folder is None else [name(p) for p in folder]}",
        f"raws: {None if raws is None else [len(r) for r in raws]}",
    ]
    return "\n".join(parts), many, raw


demo = gr.Interface(
    sizes,
    [
        gr.File(label="One"),
        gr.File(type="binary", label="Raw"),
        gr.File(file_count="multiple", file_types=[".txt", ".md"], label="Many"),
        gr.File(file_types=["image"], label="Picture"),
        gr.File(file_count="directory", label="Folder"),
        gr.File(file_count="multiple", type="binary", label="Raws"),
    ],
    ["text", gr.File(file_count="multiple", label="Back"), gr.File(label="Bytes back")],
    examples=[
        ["example.txt", None, ["example.txt", "example.txt"], None, None, None],
        [None, None, None, None, ["example.txt"], ["example.txt"]],
    ],
)

if __name__ == "__main__":
    demo.launch()
