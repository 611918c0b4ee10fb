"""Dataframe in real Chromium: edit cells with the keyboard and mouse, add rows, sort,
show 10,000 rows, and the clear error when type="pandas" has no pandas (the browser's
case: Pyodide 314 has no pandas wheel here)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page, expect

EXAMPLES = Path(__file__).parents[2] / "examples"

TYPED_APP = """
import gradio as gr

def show(rows):
    return repr(rows)

demo = gr.Interface(
    show,
    gr.Dataframe(
        [["tea", 2.5, True]],
        headers=["item", "price", "paid"],
        datatype=["str", "number", "bool"],
        type="array",
        label="Prices",
    ),
    gr.Textbox(label="Received"),
)
demo.launch()
"""


def submit(page: Page) -> None:
    page.get_by_role("button", name="Submit").click()


def cell(grid: Locator, row: int, column: int) -> Locator:
    """The cell at 1-based display row and column (header row excluded)."""
    return grid.locator("tbody tr:not(.lite-df-spacer)").nth(row - 1).locator("td").nth(column - 1)


def test_edit_cells_with_keyboard_and_submit_typed_values(page, app_from_source, open_app):
    open_app(page, app_from_source(TYPED_APP))
    grid = page.get_by_label("Prices")
    expect(grid).to_have_count(1)
    expect(grid).to_have_attribute("role", "grid")
    expect(grid.get_by_role("columnheader")).to_have_text(["item", "price", "paid"])
    # Type to edit: the first key replaces the cell's text; Tab commits and moves right.
    cell(grid, 1, 2).click()
    page.keyboard.press("Escape")
    page.keyboard.type("4.75")
    page.keyboard.press("Tab")
    expect(cell(grid, 1, 2)).to_have_text("4.75")
    expect(cell(grid, 1, 3)).to_be_focused()
    # Space ticks a bool cell; a click edits a text cell in place.
    page.keyboard.press("Space")
    expect(grid.get_by_role("checkbox", name="paid, row 1")).not_to_be_checked()
    cell(grid, 1, 1).click()
    editor = grid.get_by_role("textbox", name="item, row 1")
    expect(editor).to_be_focused()
    page.keyboard.type(" leaves")
    page.keyboard.press("Enter")
    submit(page)
    # The function gets the edited number as a number, and the bool as a bool.
    expect(page.get_by_label("Received")).to_have_text("[['tea leaves', 4.75, False]]")


def test_add_rows_and_sort_on_the_example(page, built_site, open_app):
    open_app(page, built_site(EXAMPLES / "data_table" / "app.py"))
    grid = page.get_by_label("Shopping list")
    expect(grid).to_have_attribute("aria-rowcount", "4")
    page.get_by_role("button", name="Add row").click()
    expect(grid).to_have_attribute("aria-rowcount", "5")
    # The new row's first cell has focus: type, Tab, type, Tab, type, Enter.
    expect(cell(grid, 4, 1)).to_be_focused()
    for keys in ["cheese", "Tab", "6", "Tab", "0.5", "Enter"]:
        page.keyboard.press(keys) if keys in ("Tab", "Enter") else page.keyboard.type(keys)
    expect(cell(grid, 4, 3)).to_have_text("0.5")
    # Sorting by a header click changes the order shown, not the value sent.
    price = grid.get_by_role("columnheader", name="price")
    price.get_by_role("button").click()
    expect(price).to_have_attribute("aria-sort", "ascending")
    expect(grid.locator("tbody td:first-child")).to_have_text(["apples", "bread", "tea", "cheese"])
    price.get_by_role("button").click()
    expect(price).to_have_attribute("aria-sort", "descending")
    expect(cell(grid, 1, 1)).to_have_text("cheese")
    submit(page)
    costs = page.get_by_label("Costs")
    expect(costs.locator("tbody td:first-child")).to_have_text(["tea", "bread", "apples", "cheese"])
    expect(cell(costs, 4, 2)).to_have_text("3")
    expect(page.get_by_label("Still to pay")).to_have_text("7.2")
    # A sorted row can be deleted (the one with focus), and the rest still add up.
    cell(grid, 1, 1).click()  # cheese, while sorted descending by price
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Delete row").click()
    expect(grid).to_have_attribute("aria-rowcount", "4")
    submit(page)
    expect(page.get_by_label("Still to pay")).to_have_text("4.2")


def test_fixed_rows_hide_add_and_delete(page, app_from_source, open_app):
    open_app(
        page,
        app_from_source(
            """
            import gradio as gr
            demo = gr.Interface(
                lambda rows: len(rows),
                gr.Dataframe(row_count=(2, "fixed"), column_count=2, type="array", label="Grid"),
                gr.Number(label="Rows"),
            )
            demo.launch()
            """
        ),
    )
    grid = page.get_by_label("Grid")
    expect(grid).to_have_attribute("aria-rowcount", "3")  # two blank rows to fill in
    expect(page.get_by_role("button", name="Add row")).to_be_hidden()
    expect(page.get_by_role("button", name="Add column")).to_be_visible()
    page.get_by_role("button", name="Add column").click()
    expect(grid.get_by_role("columnheader")).to_have_count(3)
    submit(page)
    expect(page.get_by_label("Rows")).to_have_text("2")


def test_ten_thousand_rows_render_and_the_page_stays_responsive(page, app_from_source, open_app):
    open_app(
        page,
        app_from_source(
            """
            import gradio as gr

            def rows(n):
                return [[i, f"row {i}", i * 0.5] for i in range(int(n))]

            demo = gr.Interface(
                rows,
                gr.Number(10000, label="n"),
                gr.Dataframe(label="Big", headers=["i", "name", "half"]),
            )
            demo.launch()
            """
        ),
    )
    # Long tasks (main thread busy over 50 ms) while the table arrives and draws.
    page.evaluate(
        """() => {
          window.longTasks = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
          }).observe({ type: "longtask" });
        }"""
    )
    submit(page)
    grid = page.get_by_label("Big")
    expect(grid).to_have_attribute("aria-rowcount", "10001", timeout=30_000)
    drawn = grid.locator("tbody tr:not(.lite-df-spacer)").count()
    assert 0 < drawn < 200, f"{drawn} rows in the DOM: the table is not windowed"
    # Scroll to the end: the last rows are drawn there.
    scroller = page.locator(".lite-df-scroll").filter(has=grid)
    scroller.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    expect(grid.get_by_role("gridcell", name="row 9999", exact=True)).to_be_visible()
    # The keyboard reaches rows far outside the drawn window.
    scroller.evaluate("el => { el.scrollTop = 0; }")
    grid.get_by_role("gridcell", name="row 0", exact=True).click()
    page.keyboard.press("Control+End")
    expect(grid.locator("td:focus")).to_have_text("4999.5")
    page.keyboard.press("Control+Home")
    expect(grid.locator("td:focus")).to_have_text("0")
    # The page still answers: typing lands at once, and another event runs.
    page.get_by_label("n").fill("3")
    submit(page)
    expect(grid).to_have_attribute("aria-rowcount", "4")
    long_tasks = page.evaluate("window.longTasks")
    print(f"\nlong tasks while 10,000 rows arrived and drew (ms): {long_tasks}")


def test_pandas_type_without_pandas_says_how_to_fix_it(page, inline_app, open_app):
    # `lite build` refuses this app (tests/unit: the build's package check); a page
    # with the app inline runs it, and the event says what to do.
    open_app(
        page,
        inline_app(
            """
            import gradio as gr
            # Gradio's default type is "pandas"; an output never needs pandas.
            demo = gr.Interface(
                lambda df: df,
                gr.Dataframe([[1, 2]], label="Prices"),
                gr.Dataframe(label="Echo"),
            )
            demo.launch()
            """
        ),
    )
    submit(page)
    alert = page.get_by_role("alert").filter(has_text="needs pandas")
    expect(alert).to_contain_text("Dataframe 'Prices' with type='pandas' needs pandas")
    expect(alert).to_contain_text("type='array'")
    expect(alert).to_contain_text("--pyodide-packages URL")
    expect(page.get_by_label("Prices")).to_have_attribute("aria-invalid", "true")


def test_search_filters_what_is_shown_and_a_renamed_column_keeps_its_type(
    page, app_from_source, open_app
):
    open_app(
        page,
        app_from_source(
            """
            import gradio as gr
            demo = gr.Interface(
                repr,
                gr.Dataframe(
                    [["tea", 2.5], ["bread", 1.8], ["apples", 0.4]],
                    headers=["item", "price"],
                    datatype=["str", "number"],
                    type="array",
                    show_search="search",
                    label="Stock",
                ),
                gr.Textbox(label="Received"),
            )
            demo.launch()
            """
        ),
    )
    grid = page.get_by_label("Stock")
    page.get_by_role("searchbox", name="Search rows").fill("BR")
    expect(grid).to_have_attribute("aria-rowcount", "2")
    expect(cell(grid, 1, 1)).to_have_text("bread")
    # Edit the one row shown; the value keeps every row.
    cell(grid, 1, 2).click()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Rename column").click()
    page.keyboard.type("cost")
    page.keyboard.press("Enter")
    expect(grid.get_by_role("columnheader")).to_have_text(["item", "cost"])
    expect(cell(grid, 1, 2)).to_be_focused()
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    page.get_by_role("searchbox", name="Search rows").fill("")
    expect(grid).to_have_attribute("aria-rowcount", "4")
    submit(page)
    expect(page.get_by_label("Received")).to_have_text(
        "[['tea', 2.5], ['bread', 3], ['apples', 0.4]]"
    )


def test_example_fills_the_grid_and_live_mode_answers_each_edit(page, app_from_source, open_app):
    open_app(
        page,
        app_from_source(
            """
            import gradio as gr

            def deductible(rows, share):
                return sum(cost for _, cost, ok in rows if ok is True) * share

            demo = gr.Interface(
                deductible,
                [
                    gr.Dataframe(
                        headers=["item", "cost", "deductible"],
                        datatype=["str", "number", "bool"],
                        type="array",
                        label="Assets",
                    ),
                    gr.Number(label="Share", precision=0),
                ],
                gr.Number(label="Deductible"),
                # Two inputs: each example row holds a table and a number.
                examples=[[[["Suit", 500, True], ["Laptop", 800, False]], 1]],
                live=True,
            )
            demo.launch()
            """
        ),
    )
    grid = page.get_by_label("Assets")
    # The examples table shows a table's rows, not its JSON.
    expect(page.locator(".lite-example").first).to_have_text("Suit, 500, true; Laptop, 800, false")
    page.locator(".lite-example").first.click()
    expect(page.get_by_label("Share")).to_have_value("1")
    expect(cell(grid, 2, 1)).to_have_text("Laptop")
    grid.get_by_role("checkbox", name="deductible, row 2").check()
    expect(page.get_by_label("Deductible")).to_have_text("1300")
    cell(grid, 1, 2).click()
    page.keyboard.press("Escape")
    page.keyboard.type("50")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Deductible")).to_have_text("850")


def test_only_apps_with_a_dataframe_download_its_chunk(page, built_site, open_app):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_app(page, built_site(EXAMPLES / "hello_world" / "app.py"))
    assert not [url for url in requested if "/chunks/dataframe-" in url]
    open_app(page, built_site(EXAMPLES / "data_table" / "app.py"))
    assert len([url for url in requested if "/chunks/dataframe-" in url]) == 1


def test_markdown_cells_are_sanitised_and_text_cells_stay_text(page, app_from_source, open_app):
    payload = "<img src=x onerror=window.pwned=1>"
    open_app(
        page,
        app_from_source(
            """
            import gradio as gr

            def cells(text):
                return [["**bold** " + text, text, "<b>x</b><script>window.pwned=2</script>"]]

            demo = gr.Interface(
                cells,
                gr.Textbox(label="Text"),
                gr.Dataframe(label="Cells", datatype=["markdown", "str", "html"]),
            )
            demo.launch()
            """
        ),
    )
    page.get_by_label("Text").fill(payload)
    submit(page)
    grid = page.get_by_label("Cells")
    expect(cell(grid, 1, 1).locator("strong")).to_have_text("bold")
    expect(cell(grid, 1, 2)).to_have_text(payload)  # shown as the text it is
    expect(cell(grid, 1, 3).locator("b")).to_have_text("x")
    expect(grid.locator("script, [onerror]")).to_have_count(0)
    assert page.evaluate("window.pwned") is None
