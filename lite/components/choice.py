"""Checkbox, CheckboxGroup, Radio and Dropdown: Gradio's choice components.

Choices may be plain values or (display, value) pairs, as in Gradio; the page always
gets [display, value] pairs and sends values back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .base import Component, fail


def normalise_choices(choices: Sequence[Any] | None) -> list[tuple[str, Any]]:
    pairs = []
    for choice in choices or []:
        if isinstance(choice, tuple | list) and len(choice) == 2:
            pairs.append((str(choice[0]), choice[1]))
        else:
            pairs.append((str(choice), choice))
    return pairs


class Checkbox(Component):
    type = "checkbox"
    shortcuts = ("checkbox",)
    default_value = False

    def preprocess(self, payload: Any) -> bool:
        if not isinstance(payload, bool):
            raise fail(f"Expected true or false, got {payload!r}.")
        return payload

    def postprocess(self, value: Any) -> bool:
        return bool(value)


class _Choices(Component):
    """Shared by the components that pick from `choices`."""

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = None,
        type: str = "value",  # noqa: A002 - Gradio's name
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if type not in ("value", "index"):
            raise ValueError(f"type must be 'value' or 'index', not {type!r}")
        self.choices = normalise_choices(choices)
        self.return_type = type

    def _values(self) -> list[Any]:
        return [value for _, value in self.choices]

    def _pick(self, payload: Any, *, custom: bool = False) -> Any:
        """One chosen value, as the function receives it."""
        values = self._values()
        if payload not in values:
            if custom:
                return None if self.return_type == "index" else payload
            shown = ", ".join(repr(v) for v in values)
            raise fail(f"Value {payload!r} is not in the list of choices: [{shown}].")
        return values.index(payload) if self.return_type == "index" else payload

    def props(self) -> dict[str, Any]:
        return {"choices": [[display, value] for display, value in self.choices]}


class CheckboxGroup(_Choices):
    type = "checkboxgroup"
    shortcuts = ("checkboxgroup",)

    def preprocess(self, payload: Any) -> list[Any]:
        if payload is None:
            return []
        if not isinstance(payload, list):
            raise fail(f"Expected a list of choices, got {payload!r}.")
        return [self._pick(item) for item in payload]

    def postprocess(self, value: Any) -> list[Any]:
        if value is None:
            return []
        return list(value) if isinstance(value, list | tuple | set) else [value]


class Radio(_Choices):
    type = "radio"
    shortcuts = ("radio",)

    def preprocess(self, payload: Any) -> Any:
        return None if payload is None else self._pick(payload)


# Dropdown's value when none is given: the first choice (Gradio's DEFAULT_VALUE). An
# explicit value=None means no selection.
_FIRST_CHOICE: Any = object()


class Dropdown(_Choices):
    type = "dropdown"
    shortcuts = ("dropdown",)

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = _FIRST_CHOICE,
        multiselect: bool | None = None,
        allow_custom_value: bool = False,
        max_choices: int | None = None,
        **kwargs: Any,
    ) -> None:
        given = None if value is _FIRST_CHOICE else value
        super().__init__(choices, value=given, **kwargs)
        self.multiselect = bool(multiselect)
        self.allow_custom_value = allow_custom_value
        self.max_choices = max_choices
        if value is _FIRST_CHOICE and self.multiselect:
            self.value = []
        elif value is _FIRST_CHOICE and self.choices:
            self.value = self.choices[0][1]

    def preprocess(self, payload: Any) -> Any:
        if payload is None:  # nothing chosen (Gradio sends null after Clear, even for multiselect)
            return None
        if not self.multiselect:
            return self._pick(payload, custom=self.allow_custom_value)
        if not isinstance(payload, list):
            raise fail(f"Expected a list of choices, got {payload!r}.")
        if self.max_choices is not None and len(payload) > self.max_choices:
            raise fail(f"Choose at most {self.max_choices}.")
        return [self._pick(item, custom=self.allow_custom_value) for item in payload]

    def postprocess(self, value: Any) -> Any:
        if self.multiselect and value is not None:
            return list(value) if isinstance(value, list | tuple | set) else [value]
        return value

    def props(self) -> dict[str, Any]:
        return {
            **super().props(),
            "multiselect": self.multiselect,
            "allow_custom_value": self.allow_custom_value,
            "max_choices": self.max_choices,
        }
