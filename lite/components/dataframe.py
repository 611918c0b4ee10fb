"""Dataframe: a table in and out, in Gradio's page form {"headers", "data", "metadata"}.

The function gets a list of lists (type="array"), or a pandas / numpy / polars object
when that package is importable. In a browser those packages are usually absent
(Pyodide 314 has no wheels for them here), so the error says how to fix it, and is
raised when the function is called, not when the app is built: an output-only
Dataframe keeps Gradio's default type="pandas" and never needs pandas.
"""

from __future__ import annotations

import csv
import datetime
import math
import warnings
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from .base import Component, fail
from .packages import require

TYPES = ("pandas", "numpy", "array", "polars")
DATATYPES = ("str", "number", "bool", "date", "markdown", "html", "image")
# What a dtype (or a cell's Python type) name means for datatype="auto", as Gradio maps it.
_AUTO = {
    "str": "str",
    "object": "str",
    "string": "str",
    "int": "number",
    "float": "number",
    "bool": "bool",
    "boolean": "bool",
    "datetime": "date",
    "date": "date",
    "timedelta": "date",
    "timestamp": "date",
}


def _kind(value: Any) -> str:
    """ "pandas.DataFrame", "numpy.ndarray", ...: told apart without importing the package."""
    return f"{type(value).__module__.partition('.')[0]}.{type(value).__name__}"


def _counts(count: Any, default: int, name: str) -> tuple[int, bool]:
    """(initial count, fixed?) from an int, or Gradio 5's (n, "fixed" | "dynamic")."""
    if count is None:
        return default, False
    if isinstance(count, tuple | list):
        if len(count) != 2 or count[1] not in ("fixed", "dynamic"):
            raise ValueError(f"{name} must be an int or (int, 'fixed' | 'dynamic'), not {count!r}")
        return int(count[0]), count[1] == "fixed"
    return int(count), False


def _limits(limits: Any, name: str) -> list[int | None]:
    if limits is None:
        return [None, None]
    if not isinstance(limits, tuple | list) or len(limits) != 2:
        raise ValueError(f"{name} must be a (minimum, maximum) pair, not {limits!r}")
    return [None if x is None else int(x) for x in limits]


def _width(width: str | int) -> str:
    if isinstance(width, str) and (width.endswith(("px", "%")) or width == "auto"):
        return width
    return f"{width}px"


def _cell(value: Any) -> Any:
    """A cell as JSON: numpy/pandas scalars as Python ones, dates as ISO text, NaN as empty."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    try:
        if value != value:  # NaN, and pandas' NaT (a datetime) too
            return None
    except (TypeError, ValueError):  # pandas.NA has no truth value
        return None
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return _cell(float(value))
    item = getattr(value, "item", None)  # a numpy scalar
    if callable(item) and _kind(value).startswith("numpy."):
        return _cell(item())
    if hasattr(value, "isoformat"):  # pandas.Timestamp
        return str(value.isoformat())
    return str(value)


def _read_csv(path: str) -> tuple[list[str], list[list[Any]]]:
    """A CSV file, with numbers read as numbers (as pandas.read_csv would)."""
    with open(path, newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    if not rows:
        return [], []
    return rows[0], [[_typed_number(cell) for cell in row] for row in rows[1:]]


def _typed_number(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def table_parts(value: Any) -> tuple[list[str], list[list[Any]], dict[str, Any] | None]:
    """(headers, rows, metadata) from anything Gradio's Dataframe output accepts."""
    kind = _kind(value)
    if value is None:
        return [], [], None
    if isinstance(value, dict):
        metadata = value.get("metadata")
        headers, rows = value.get("headers") or [], value.get("data") or []
        return list(headers), list(rows), metadata if isinstance(metadata, dict) else None
    if isinstance(value, str):
        return *_read_csv(value), None
    if kind == "pandas.Styler":
        hidden = set(getattr(value, "hidden_columns", []))
        frame = value.data
        frame = frame.iloc[:, [i for i in range(frame.shape[1]) if i not in hidden]]
        return [str(c) for c in frame.columns], frame.to_dict(orient="split")["data"], None
    if kind == "pandas.DataFrame":
        return [str(c) for c in value.columns], value.to_dict(orient="split")["data"], None
    if kind == "polars.DataFrame":
        return [str(c) for c in value.columns], [list(r) for r in value.rows()], None
    if kind == "numpy.ndarray":
        value = value.tolist()
    if isinstance(value, list | tuple):
        rows = list(value)
        if rows and not isinstance(rows[0], list | tuple):
            return [], [[v] for v in rows], None  # a flat list is one column
        return [], rows, None
    raise TypeError(f"Dataframe cannot show a value of type {type(value).__name__}")


def coerce(value: Any, datatype: str) -> Any:
    """A cell as typed on the page, as its column's datatype says (Gradio's cast rules).

    Text that does not fit the type stays text, as in Gradio; an empty typed cell is None.
    """
    if datatype not in ("number", "bool", "date") or not isinstance(value, str):
        if datatype == "bool" and isinstance(value, int | float) and not isinstance(value, bool):
            return value != 0
        return value
    text = value.strip()
    if not text:
        return None
    if datatype == "number":
        number = _typed_number(text)
        return number if not isinstance(number, float) or math.isfinite(number) else text
    if datatype == "bool":
        return {"true": True, "1": True, "false": False, "0": False}.get(text.lower(), value)
    return text


def _auto_datatype(value: Any) -> str | list[str]:
    """datatype="auto": each column's datatype from the value's dtypes or first row."""
    kind = _kind(value)
    if kind == "pandas.Styler":
        value, kind = value.data, "pandas.DataFrame"
    if kind in ("pandas.DataFrame", "polars.DataFrame"):
        names = [str(dtype) for dtype in value.dtypes]
    elif kind == "numpy.ndarray" and value.ndim == 2 and value.size:
        names = [type(x).__name__ for x in value[0]]  # numpy scalars: int64, float32...
    elif isinstance(value, list) and value and isinstance(value[0], list | tuple):
        names = [type(x).__name__ for x in value[0]]  # noqa: SIM114 - a different source
    else:
        return "str"
    datatypes = []
    for name in names:
        base = name.lower().split("[")[0].split("(")[0].rstrip("0123456789 ")
        datatypes.append(_AUTO.get(base, "str"))
    return datatypes


class Dataframe(Component):
    type = "dataframe"
    shortcuts = ("dataframe",)
    aliases = ("DataFrame",)

    def __init__(
        self,
        value: Any = None,
        *,
        headers: list[str] | None = None,
        row_count: int | tuple[int, str] | None = None,
        row_limits: tuple[int | None, int | None] | None = None,
        col_count: int | tuple[int, str] | None = None,
        column_count: int | tuple[int, str] | None = None,
        column_limits: tuple[int | None, int | None] | None = None,
        datatype: str | Sequence[str] = "str",
        type: str = "pandas",  # noqa: A002 - Gradio's name
        max_height: int | str = 500,
        wrap: bool = False,
        column_widths: list[str | int] | None = None,
        show_row_numbers: bool = False,
        max_chars: int | None = None,
        show_search: str = "none",
        pinned_columns: int | None = None,
        static_columns: list[int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if type not in TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Choose from {TYPES}")
        if col_count is not None:
            warnings.warn(
                "Dataframe's `col_count` is deprecated; use `column_count` (and "
                "`column_limits`) instead.",
                DeprecationWarning,
                stacklevel=2,
            )
            # Gradio 6 ignores it; older apps mean it, so it stands in for column_count
            # when that is not given and it agrees with the headers.
            count = col_count[0] if isinstance(col_count, tuple | list) else col_count
            if column_count is None and (headers is None or len(headers) == int(count)):
                column_count = col_count
        self.row_count, rows_fixed = _counts(row_count, 3, "row_count")
        self.column_count, columns_fixed = _counts(
            column_count, len(headers) if headers else 3, "column_count"
        )
        if headers is not None and len(headers) != self.column_count:
            raise ValueError(
                f"The length of the headers list must be equal to the column_count: "
                f"column_count is {self.column_count} but `headers` has {len(headers)} items."
            )
        # "fixed" (Gradio 5's form) is the same as limits of (n, n).
        self.row_limits = (
            [self.row_count, self.row_count] if rows_fixed else _limits(row_limits, "row_limits")
        )
        self.column_limits = (
            [self.column_count, self.column_count]
            if columns_fixed
            else _limits(column_limits, "column_limits")
        )
        self.headers = (
            [str(h) for h in headers]
            if headers is not None
            else [str(i) for i in range(1, self.column_count + 1)]
        )
        self.return_type = type
        if datatype == "auto":
            datatype = _auto_datatype(value)
        datatypes = [datatype] if isinstance(datatype, str) else list(datatype)
        for name in datatypes:
            if name not in DATATYPES:
                raise ValueError(f"Invalid datatype {name!r}. Choose from {DATATYPES}")
        self.datatype: str | list[str] = datatype if isinstance(datatype, str) else datatypes
        self.max_height = max_height
        self.wrap = wrap
        self.column_widths = [_width(w) for w in column_widths or []]
        self.show_row_numbers = show_row_numbers
        self.max_chars = max_chars
        if show_search not in ("none", "search", "filter"):
            raise ValueError(
                f"show_search must be 'none', 'search' or 'filter', not {show_search!r}"
            )
        self.show_search = show_search
        self.pinned_columns = pinned_columns
        self.static_columns = list(static_columns or [])
        if self.static_columns:
            # Gradio: static columns fix the column count.
            self.column_limits = [self.column_count, self.column_count]

    def _datatypes(self, headers: list[Any]) -> list[str]:
        """Each column's datatype. Per-column datatypes follow their header when columns
        were added or removed on the page (as Gradio's page aligns them); new columns
        are "str"."""
        if isinstance(self.datatype, str):
            return [self.datatype] * len(headers)
        by_header = dict(zip(self.headers, self.datatype, strict=False))
        by_index = self.datatype
        return [
            by_header.get(str(h), by_index[j] if j < len(by_index) else "str")
            for j, h in enumerate(headers)
        ]

    def _import(self, package: str) -> Any:
        name = f"Dataframe {self.label!r}" if self.label else "Dataframe"
        who = f"{name} with type={package!r}"
        (module,) = require(who, {package: package}, "type='array' (a list of lists)", fail)
        return module

    def browser_packages(self) -> list[str]:
        return [] if self.return_type == "array" else [self.return_type]

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            payload = {"headers": self.headers, "data": []}
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
            raise fail('Expected a table: {"headers": [...], "data": [[...], ...]}.')
        headers = payload.get("headers")
        if not isinstance(headers, list):
            headers = list(self.headers)
        rows = payload["data"]
        if not all(isinstance(row, list) for row in rows):
            raise fail("Expected every row of the table to be a list of cells.")
        types = self._datatypes(headers)
        width = len(types)
        data = [
            [coerce(cell, types[j] if j < width else "str") for j, cell in enumerate(row)]
            for row in rows
        ]
        if self.return_type == "array":
            return data
        if self.return_type == "numpy":
            return self._import("numpy").array(data)
        if self.return_type == "pandas":
            pandas = self._import("pandas")
            return pandas.DataFrame([] if data == [[]] else data, columns=headers)
        polars = self._import("polars")
        return polars.DataFrame([] if data == [[]] else data, schema=headers, orient="row")

    def postprocess(self, value: Any) -> dict[str, Any]:
        headers, rows, metadata = table_parts(value)
        rows = [list(row) if isinstance(row, list | tuple) else [row] for row in rows]
        headers = [str(h) for h in headers] or list(self.headers)
        if not rows or not any(len(row) for row in rows):
            return {"headers": headers, "data": [], "metadata": None}
        width = max(len(row) for row in rows)
        # Headers follow the data's width (Gradio names extra columns "4", "5", ...).
        headers = headers[:width] + [str(i) for i in range(len(headers) + 1, width + 1)]
        data = [[_cell(cell) for cell in row] + [None] * (width - len(row)) for row in rows]
        return {"headers": headers, "data": data, "metadata": metadata}

    def props(self) -> dict[str, Any]:
        return {
            "datatype": self.datatype,
            "row_count": self.row_count,
            "row_limits": self.row_limits,
            "column_count": self.column_count,
            "column_limits": self.column_limits,
            "max_height": self.max_height,
            "wrap": self.wrap,
            "column_widths": self.column_widths,
            "show_row_numbers": self.show_row_numbers,
            "max_chars": self.max_chars,
            "static_columns": self.static_columns,
            "show_search": self.show_search,
        }


class Numpy(Dataframe):
    """gr.Numpy: a Dataframe whose function gets a numpy array."""

    shortcuts = ("numpy",)

    def __init__(
        self,
        value: Any = None,
        *,
        type: str = "numpy",  # noqa: A002 - Gradio's name
        row_count: int | tuple[int, str] | None = (1, "dynamic"),
        **kwargs: Any,
    ) -> None:
        super().__init__(value, type=type, row_count=row_count, **kwargs)


class Matrix(Dataframe):
    """gr.Matrix: a Dataframe whose function gets a list of lists."""

    shortcuts = ("matrix",)

    def __init__(
        self,
        value: Any = None,
        *,
        type: str = "array",  # noqa: A002 - Gradio's name
        row_count: int | tuple[int, str] | None = (1, "dynamic"),
        **kwargs: Any,
    ) -> None:
        super().__init__(value, type=type, row_count=row_count, **kwargs)


class List(Dataframe):
    """gr.List: a one-column Dataframe whose function gets a list of one-item lists."""

    shortcuts = ("list",)

    def __init__(
        self,
        value: Any = None,
        *,
        type: str = "array",  # noqa: A002 - Gradio's name
        row_count: int | tuple[int, str] | None = (1, "dynamic"),
        col_count: int | None = None,
        column_count: int | None = None,
        **kwargs: Any,
    ) -> None:
        # Gradio's List passes its col_count=1 on; here it is simply one column.
        columns = column_count or col_count or 1
        super().__init__(value, type=type, row_count=row_count, column_count=columns, **kwargs)
