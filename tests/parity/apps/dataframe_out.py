"""A Dataframe output fed each kind of value: list of lists, dict, DataFrame, numpy, None."""

import gradio as gr
import numpy as np
import pandas as pd

CASES = {
    "rows": [[1, "a"], [2.5, "b"]],
    "dict": {"headers": ["x", "y"], "data": [[1, 2], [3, 4]]},
    "frame": pd.DataFrame({"city": ["Zürich", "東京"], "people": [421_878, 13_960_000]}),
    "numpy": np.array([[1.5, 2.0], [3.0, 4.25]]),
    "empty": [],
    "none": None,
    "ragged": [[1], [2, 3]],
}


def show(case):
    return CASES[case], CASES[case]


demo = gr.Interface(
    show,
    gr.Radio(list(CASES), value="rows", label="Case"),
    [gr.Dataframe(label="Plain"), gr.Dataframe(headers=["first", "second"], label="Headed")],
)

if __name__ == "__main__":
    demo.launch()
