"""Parameters the runtime fills in itself, as Gradio does: gr.Request and gr.Progress.

A parameter annotated with gr.Request gets the page's request; one whose default is a
gr.Progress gets that tracker. Neither takes a place among the Interface's inputs."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

from .progress import Progress
from .request import Request

__all__ = ["SpecialParams"]

# How a Request annotation reads as a string (`from __future__ import annotations`).
_REQUEST_TEXT = re.compile(r"(Optional\[)?((gr|gradio)\.)?Request\]?( *\| *None)?")


def _is_request(annotation: Any) -> bool:
    if annotation is Request:
        return True
    if isinstance(annotation, str):
        return _REQUEST_TEXT.fullmatch(annotation.strip("'\"")) is not None
    return Request in getattr(annotation, "__args__", ())  # `gr.Request | None`


class SpecialParams:
    """Where the fn wants a Request or Progress: by position, or by keyword."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        # position among the positional parameters -> (kind, parameter name)
        self.positional: dict[int, tuple[str, str]] = {}
        self.keyword: dict[str, str] = {}
        self.progress: dict[str, Progress] = {}
        self.plain: list[inspect.Parameter] = []  # the parameters the inputs fill
        try:
            params = list(inspect.signature(fn).parameters.values())
        except (TypeError, ValueError):
            return
        index = 0
        for param in params:
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                continue
            kind = None
            if _is_request(param.annotation):
                kind = "request"
            elif isinstance(param.default, Progress):
                kind = "progress"
                self.progress[param.name] = param.default
            if param.kind == param.KEYWORD_ONLY:
                if kind is not None:
                    self.keyword[param.name] = kind
                continue
            if kind is None:
                self.plain.append(param)
            else:
                self.positional[index] = (kind, param.name)
            index += 1

    def __bool__(self) -> bool:
        return bool(self.positional or self.keyword)

    def call_args(self, values: list[Any], request: Request) -> tuple[list[Any], dict[str, Any]]:
        """The fn's positional and keyword arguments: the input values with ours put in."""

        def value(kind: str, name: str) -> Any:
            if kind == "request":
                return request
            progress = self.progress[name]
            progress.reset()
            return progress

        args = list(values)
        for index in sorted(self.positional):
            kind, name = self.positional[index]
            args.insert(min(index, len(args)), value(kind, name))
        kwargs = {name: value(kind, name) for name, kind in self.keyword.items()}
        return args, kwargs
