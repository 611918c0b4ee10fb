"""Dataframe: Gradio 6's page form, preprocess by type=, postprocess of every accepted
value, datatype casts, row/column limits, and the error when a type's package is absent.

pandas and numpy are test dependencies (the dev extra); the runtime never needs them.
"""

import datetime
import math
import sys
import textwrap
from pathlib import Path

import pytest

import lite as gr
from lite.components.dataframe import coerce
from lite.errors import InputError
from lite.runtime import Runtime


def page(headers, data):
    return {"headers": headers, "data": data, "metadata": None}


# ---- construction and config ----


def test_config_is_gradios_page_form_and_props():
    frame = gr.Dataframe(headers=["item", "price"], datatype=["str", "number"], label="Prices")
    config = frame.config(is_input=True)
    assert config["type"] == "dataframe"
    assert config["value"] == page(["item", "price"], [])
    assert config["props"] == {
        "datatype": ["str", "number"],
        "row_count": 3,
        "row_limits": [None, None],
        "column_count": 2,
        "column_limits": [None, None],
        "max_height": 500,
        "wrap": False,
        "column_widths": [],
        "show_row_numbers": False,
        "max_chars": None,
        "static_columns": [],
        "show_search": "none",
    }
    # Without headers, Gradio numbers the columns from 1.
    assert gr.Dataframe().config(is_input=True)["value"]["headers"] == ["1", "2", "3"]
    assert gr.DataFrame is gr.Dataframe


def test_accepts_every_gradio_6_keyword():
    frame = gr.Dataframe(
        [[1, 2]],
        headers=["a", "b"],
        row_count=2,
        row_limits=(1, 5),
        column_count=2,
        column_limits=(2, 4),
        datatype=["number", "number"],
        type="array",
        latex_delimiters=[{"left": "$$", "right": "$$", "display": True}],
        label="T",
        show_label=True,
        every=None,
        inputs=None,
        max_height=300,
        scale=1,
        min_width=160,
        interactive=True,
        visible=True,
        elem_id="t",
        elem_classes=["x"],
        render=True,
        key="t",
        preserved_by_key="value",
        wrap=True,
        line_breaks=True,
        column_widths=[100, "20%"],
        buttons=["copy"],
        show_row_numbers=True,
        max_chars=10,
        show_search="search",
        pinned_columns=1,
        static_columns=[0],
    )
    props = frame.props()
    assert props["column_widths"] == ["100px", "20%"]
    assert props["max_height"] == 300 and props["wrap"] and props["show_row_numbers"]
    # Static columns fix the column count, as in Gradio.
    assert props["column_limits"] == [2, 2] and props["static_columns"] == [0]


def test_bad_settings_fail_like_gradio():
    with pytest.raises(ValueError, match="type"):
        gr.Dataframe(type="dict")
    with pytest.raises(ValueError, match="headers"):
        gr.Dataframe(headers=["a", "b"], column_count=3)
    with pytest.raises(ValueError, match="datatype"):
        gr.Dataframe(datatype="currency")


def test_row_and_column_counts_and_limits():
    assert gr.Dataframe(row_limits=(2, 6)).props()["row_limits"] == [2, 6]
    # Gradio 5's (n, "fixed") still works: the count cannot change on the page.
    fixed = gr.Dataframe(row_count=(4, "fixed"), column_count=(2, "fixed"))
    assert fixed.props()["row_count"] == 4 and fixed.props()["row_limits"] == [4, 4]
    assert fixed.props()["column_limits"] == [2, 2] and fixed.headers == ["1", "2"]
    dynamic = gr.Dataframe(row_count=(4, "dynamic"))
    assert dynamic.props()["row_limits"] == [None, None]
    with pytest.raises(ValueError):
        gr.Dataframe(row_count=(4, "frozen"))


def test_old_col_count_is_deprecated_but_honoured():
    with pytest.warns(DeprecationWarning, match="column_count"):
        frame = gr.Dataframe(col_count=(2, "fixed"))
    assert frame.headers == ["1", "2"] and frame.props()["column_limits"] == [2, 2]
    # When it disagrees with the headers (Gradio ignores it), the headers win.
    with pytest.warns(DeprecationWarning):
        frame = gr.Dataframe(headers=["a", "b", "c"], col_count=5)
    assert frame.props()["column_count"] == 3


# ---- postprocess: what the function returns, as the page shows it ----


def test_postprocess_lists_and_dicts_as_gradio_does():
    frame = gr.Dataframe(headers=["a", "b"])
    assert frame.postprocess(None) == page(["a", "b"], [])
    assert frame.postprocess([[1, 2], [3, 4]]) == page(["a", "b"], [[1, 2], [3, 4]])
    # A flat list is one column; headers follow the data's width.
    assert frame.postprocess([1, 2]) == page(["a"], [[1], [2]])
    assert frame.postprocess([(1, 2, 3)]) == page(["a", "b", "3"], [[1, 2, 3]])
    assert frame.postprocess({"data": [[1, 2, 3]], "headers": ["x"]}) == page(
        ["x", "2", "3"], [[1, 2, 3]]
    )
    meta = {"display_value": [["1.0"]], "styling": [[""]]}
    assert frame.postprocess({"data": [[1]], "headers": ["x"], "metadata": meta})["metadata"] == (
        meta
    )
    # Ragged rows go out as given, headers by the first row, as Gradio sends them
    # (tests/parity: dataframe_out); the page pads them into a rectangle (table.ts).
    assert frame.postprocess([[1], [2, 3]]) == page(["a"], [[1], [2, 3]])
    assert frame.postprocess({"data": [1, (2, 3)]})["data"] == [[1], [2, 3]]
    with pytest.raises(TypeError, match="Dataframe cannot show a value of type set"):
        frame.postprocess({1, 2})


def test_postprocess_cells_become_json():
    out = gr.Dataframe().postprocess(
        [[math.nan, math.inf, datetime.date(2026, 11, 27), {"x": 1}], [True, 2, "s", None]]
    )
    assert out["data"] == [[None, None, "2026-11-27", "{'x': 1}"], [True, 2, "s", None]]


def test_postprocess_csv_path(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("name,qty,price\ntea,3,2.5\n")
    assert gr.Dataframe().postprocess(str(path)) == page(
        ["name", "qty", "price"], [["tea", 3, 2.5]]
    )


def test_postprocess_pandas_and_numpy():
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    frame = gr.Dataframe(headers=["a", "b"])
    df = pd.DataFrame({"x": [1, 2], "when": pd.to_datetime(["2026-01-02", None])})
    out = frame.postprocess(df)
    assert out["headers"] == ["x", "when"]
    assert out["data"] == [[1, "2026-01-02T00:00:00"], [2, None]]
    assert type(out["data"][0][0]) is int
    out = frame.postprocess(np.array([[1.5, 2.0], [np.nan, 4.0]]))
    assert out == page(["a", "b"], [[1.5, 2.0], [None, 4.0]])
    assert frame.postprocess(np.array([])) == page(["a", "b"], [])


def test_postprocess_pandas_styler_shows_its_visible_columns():
    pd = pytest.importorskip("pandas")
    pytest.importorskip("jinja2")  # pandas' Styler needs it
    styler = pd.DataFrame({"x": [1], "y": [2]}).style.hide(["y"], axis="columns")
    assert gr.Dataframe().postprocess(styler) == page(["x"], [[1]])


# ---- preprocess: the page's value, as the function receives it ----


@pytest.mark.parametrize(
    ("datatype", "typed", "expected"),
    [
        ("number", "5", 5),
        ("number", " 2.5 ", 2.5),
        ("number", "1e3", 1000.0),
        ("number", "abc", "abc"),  # Gradio keeps text that is not a number
        ("number", "", None),
        ("number", 7, 7),
        ("bool", "true", True),
        ("bool", "1", True),
        ("bool", "False", False),
        ("bool", "0", False),
        ("bool", True, True),
        ("bool", 0, False),
        ("bool", "maybe", "maybe"),
        ("date", " 2026-11-27 ", "2026-11-27"),
        ("str", "5", "5"),
        ("markdown", "**5**", "**5**"),
    ],
)
def test_typed_cells_are_cast_by_datatype(datatype, typed, expected):
    value = coerce(typed, datatype)
    assert value == expected and type(value) is type(expected)


def test_preprocess_array_casts_each_column():
    frame = gr.Dataframe(
        headers=["item", "qty", "ok"], datatype=["str", "number", "bool"], type="array"
    )
    payload = page(["item", "qty", "ok"], [["tea", "3", True], ["42", "", "false"]])
    assert frame.preprocess(payload) == [["tea", 3, True], ["42", None, False]]
    # A column added on the page is text; a removed one takes its datatype with it.
    payload = page(["qty", "ok", "Header 3"], [["3", "1", "7"]])
    assert frame.preprocess(payload) == [[3, True, "7"]]


def test_preprocess_rejects_what_is_not_a_table():
    frame = gr.Dataframe(type="array")
    with pytest.raises(InputError, match="Expected a table"):
        frame.preprocess("a,b")
    with pytest.raises(InputError, match="row"):
        frame.preprocess({"headers": ["a"], "data": ["x"]})
    assert frame.preprocess(None) == []


def test_preprocess_pandas_and_numpy():
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    payload = page(["item", "price"], [["tea", "2.5"], ["cake", "4"]])
    df = gr.Dataframe(datatype=["str", "number"], headers=["item", "price"]).preprocess(payload)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == ["item", "price"]
    assert df["price"].sum() == 6.5
    empty = gr.Dataframe(headers=["a"]).preprocess(page(["a"], [[]]))
    assert empty.empty and list(empty.columns) == ["a"]
    array = gr.Dataframe(type="numpy", datatype="number").preprocess(page(["a", "b"], [["1", 2]]))
    assert isinstance(array, np.ndarray) and array.tolist() == [[1, 2]]


def test_datatype_auto_from_the_value():
    assert gr.Dataframe([["a", 1, 2.5, True]], datatype="auto").datatype == [
        "str",
        "number",
        "number",
        "bool",
    ]
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"n": [1], "s": ["x"], "t": pd.to_datetime(["2026-01-01"])})
    assert gr.Dataframe(df, datatype="auto").datatype == ["number", "str", "date"]


# ---- a type whose package is absent ----


@pytest.mark.parametrize("package", ["pandas", "numpy", "polars"])
def test_missing_package_names_component_package_and_both_fixes(monkeypatch, package):
    monkeypatch.setitem(sys.modules, package, None)  # import raises ImportError
    frame = gr.Dataframe(label="Prices", type=package)  # building the app is fine
    assert frame.postprocess([[1]]) == page(["1"], [[1]])  # so is showing a table
    with pytest.raises(InputError) as error:
        frame.preprocess(page(["a"], [["1"]]))
    message = str(error.value)
    assert "Dataframe 'Prices'" in message and f"type='{package}'" in message
    assert f"needs {package}" in message
    assert "type='array'" in message and "--pyodide-packages URL" in message


async def test_missing_pandas_is_shown_on_the_input_and_the_app_goes_on(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    (tmp_path / "app.py").write_text(
        textwrap.dedent(
            """
            import gradio as gr
            demo = gr.Interface(len, gr.Dataframe(label="Prices"), "number")
            """
        )
    )
    runtime = Runtime(Path(tmp_path), "app.py")
    runtime.load()
    result = await runtime.event(1, [page(["a"], [["1"]])])
    [error] = result["input_errors"]
    assert error["index"] == 0 and "needs pandas" in error["message"]


async def test_array_event_gets_typed_cells(tmp_path):
    (tmp_path / "app.py").write_text(
        textwrap.dedent(
            """
            import gradio as gr
            def total(rows):
                return sum(price for _, price in rows)
            demo = gr.Interface(
                total,
                gr.Dataframe(headers=["item", "price"], datatype=["str", "number"], type="array"),
                "number",
            )
            """
        )
    )
    runtime = Runtime(Path(tmp_path), "app.py")
    runtime.load()
    result = await runtime.event(1, [page(["item", "price"], [["tea", "2.5"], ["cake", 4]])])
    assert result["data"] == [6.5]


def test_gradio_templates_numpy_matrix_and_list():
    from lite.components import from_shortcut

    numpy_frame, matrix, one_column = (from_shortcut(s) for s in ("numpy", "matrix", "list"))
    assert (type(numpy_frame), type(matrix), type(one_column)) == (gr.Numpy, gr.Matrix, gr.List)
    assert type(from_shortcut("dataframe")) is gr.Dataframe
    assert matrix.preprocess(page(["1", "2"], [["1", "x"]])) == [["1", "x"]]
    assert one_column.headers == ["1"] and gr.List(col_count=1).headers == ["1"]
    assert numpy_frame.props()["row_count"] == 1
    # The output side never needs numpy: an array is shown from its lists.
    np = pytest.importorskip("numpy")
    assert numpy_frame.postprocess(np.eye(2)) == page(["1", "2"], [[1.0, 0.0], [0.0, 1.0]])
    assert numpy_frame.preprocess(page(["1"], [[1]])).tolist() == [[1]]


async def test_pandas_in_and_out_where_pandas_is_installed(tmp_path):
    pytest.importorskip("pandas")
    (tmp_path / "app.py").write_text(
        textwrap.dedent(
            """
            import gradio as gr

            def adults(people):
                return people[people["age"] >= 18]

            demo = gr.Interface(
                adults,
                gr.Dataframe(headers=["name", "age"], datatype=["str", "number"]),
                "dataframe",
            )
            """
        )
    )
    runtime = Runtime(Path(tmp_path), "app.py")
    runtime.load()
    people = page(["name", "age"], [["Ann", "31"], ["Bo", "9"], ["Cy", 18]])
    result = await runtime.event(1, [people])
    assert result["data"] == [page(["name", "age"], [["Ann", 31], ["Cy", 18]])]
