"""Dataframe in each type= (pandas, array, numpy) with headers, datatype, row and column
counts, each returned to a Dataframe output as it came."""

import gradio as gr


def echo(frame, rows, grid):
    return frame, rows, grid


demo = gr.Interface(
    echo,
    [
        gr.Dataframe(
            [["a", 1, True]],
            headers=["name", "count", "ok"],
            datatype=["str", "number", "bool"],
            label="Frame",
        ),
        gr.Dataframe(type="array", row_count=2, column_count=3, label="Rows"),
        gr.Dataframe([[1, 2], [3, 4]], type="numpy", headers=["x", "y"], label="Grid"),
    ],
    [
        gr.Dataframe(label="Frame back"),
        gr.Dataframe(type="array", label="Rows back"),
        gr.Dataframe(type="numpy", label="Grid back"),
    ],
    examples=[
        [[["b", 2, False]], [[1, 2, 3], [4, 5, 6]], [[5, 6], [7, 8]]],
        [{"headers": ["name", "count", "ok"], "data": [["Grüße", 0.5, True]]}, None, None],
    ],
)

if __name__ == "__main__":
    demo.launch()
