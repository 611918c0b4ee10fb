"""Data table: edit a shopping list (click or type in a cell, Enter and Tab move), add
rows, sort by a column header; the function gets the rows and returns a table and a total."""

import gradio as gr


def costs(rows):
    table = []
    for item, price, quantity, paid in rows:
        if not item:
            continue  # a blank row just added
        # float() because Gradio's own page sends an edited cell as the text typed.
        table.append([item, round(float(price or 0) * float(quantity or 0), 2), paid])
    total = sum(cost for _, cost, paid in table if paid not in (True, "true"))
    return {"headers": ["item", "cost", "paid"], "data": table}, round(total, 2)


demo = gr.Interface(
    costs,
    gr.Dataframe(
        [["tea", 2.5, 2, True], ["bread", 1.8, 1, False], ["apples", 0.4, 6, False]],
        headers=["item", "price", "quantity", "paid"],
        datatype=["str", "number", "number", "bool"],
        type="array",
        label="Shopping list",
    ),
    [
        gr.Dataframe(label="Costs", datatype=["str", "number", "bool"]),
        gr.Number(label="Still to pay"),
    ],
    title="Data table",
    description="Edit the list: click a cell or type into it; Enter and Tab move on.",
)

demo.launch()
