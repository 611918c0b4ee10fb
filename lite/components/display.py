"""JSON, Label, Markdown and HTML: components that mostly show a function's result.

Markdown and HTML are sent as text; the page renders them and sanitises the HTML."""

from __future__ import annotations

import inspect
import json
import math
from typing import Any

from ..errors import Error
from .base import Component


def json_safe(value: Any, path: str = "value") -> Any:
    """A copy the page's JSON.parse accepts: tuples and sets become lists, NaN and
    infinities become null (as Gradio's orjson does), and anything else fails clearly."""
    if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**64:
        # Gradio's orjson fails on these too; a page could not read them exactly anyway.
        raise TypeError(f"{path}: integer {value} does not fit in 64 bits")
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): json_safe(v, f"{path}[{k!r}]") for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        return [json_safe(v, f"{path}[{i}]") for i, v in enumerate(items)]
    raise TypeError(f"{path}: object of type {type(value).__name__} is not JSON serializable")


class JSON(Component):
    type = "json"
    shortcuts = ("json",)

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return json_safe(json.loads(value))
            except json.JSONDecodeError as exc:
                raise Error(f"Invalid JSON string: {exc}") from exc
        return json_safe(value)


class Label(Component):
    type = "label"
    shortcuts = ("label",)

    def __init__(
        self, value: Any = None, *, num_top_classes: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(value, **kwargs)
        self.num_top_classes = num_top_classes

    def preprocess(self, payload: Any) -> Any:
        if isinstance(payload, dict):
            return payload.get("label")
        return payload

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None or value == {}:
            return {}
        if isinstance(value, dict) and "confidences" in value:
            safe: dict[str, Any] = json_safe(value)
            return safe
        if isinstance(value, dict):
            ranked = sorted(value.items(), key=lambda item: item[1], reverse=True)
            if self.num_top_classes is not None:
                ranked = ranked[: self.num_top_classes]
            return {
                "label": str(ranked[0][0]) if ranked else None,
                "confidences": [
                    {"label": str(name), "confidence": float(score)} for name, score in ranked
                ],
            }
        if isinstance(value, str | int | float):
            return {"label": str(value), "confidences": None}
        raise TypeError(
            f"Label output expects a str, number or {{label: confidence}} dict, "
            f"got {type(value).__name__}"
        )


class Markdown(Component):
    type = "markdown"
    shortcuts = ("markdown",)
    default_value = ""

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else inspect.cleandoc(str(value))


class HTML(Component):
    type = "html"
    shortcuts = ("html",)
    default_value = ""

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)
