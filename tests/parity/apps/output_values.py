"""Output components fed awkward values: tuples, NaN, None, numbers as text, dedented Markdown."""

import gradio as gr

CASES = {
    "plain": (
        {"a": 1, "b": [1, 2]},
        {"cat": 0.7, "dog": 0.3},
        "# Title",
        "<b>bold</b>",
        "text",
        3,
        True,
    ),
    "tuples": ({"t": (1, 2), "n": None}, "cat", "  indented\n  lines", "<i>x</i>", 42, 2.5, 0),
    "nan": ([float("nan"), float("inf")], 7, "", "", None, None, None),
    "none": (None, None, None, None, None, None, None),
    "strings": ('{"k": [1, 2]}', {"a": 1, "b": 2, "c": 3}, 12, 3.5, 1.0, "4", "yes"),
    "ranked": ([], {"z": 0.1, "y": 0.9, "x": 0.5}, "*em*", "<script>x</script>", "", 1e21, False),
}


def show(case):
    return CASES[case]


demo = gr.Interface(
    show,
    gr.Radio(list(CASES), value="plain", label="Case"),
    [
        gr.JSON(),
        gr.Label(num_top_classes=2),
        gr.Markdown(),
        gr.HTML(),
        gr.Textbox(),
        gr.Number(),
        gr.Checkbox(),
    ],
)

if __name__ == "__main__":
    demo.launch()
