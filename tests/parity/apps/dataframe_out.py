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
    "gaps": pd.DataFrame({"a": [1.5, None], "b": ["x", None], "c": [True, False]}),
    "big": [[2**53 + 1, -(2**40)], [1e21, 0.1]],
    "index": pd.DataFrame({"v": [1, 2]}, index=["r1", "r2"]),
    "no headers": {"data": [[1, 2]]},
    "numbers as keys": pd.DataFrame({0: [1], 1: [2]}),
}


def show(case):
    return CASES[case], CASES[case]


demo = gr.Interface(
    show,
    gr.Radio(list(CASES), value="rows", label="Case"),
    [gr.Dataframe(label="Plain"), gr.Dataframe(headers=["first", "second"], label="Headed")],
    examples=[[case] for case in CASES],  # every case, one row each
)

if __name__ == "__main__":
    demo.launch()
