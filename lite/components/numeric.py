"""Number and Slider: numbers in and out, with Gradio's range checks and rounding."""

from __future__ import annotations

import math
import random
from typing import Any

from .base import Component, fail


def parse_number(payload: Any) -> float | int | None:
    """The page sends what was typed; an empty box is None.

    Numbers follow JavaScript's, as on Gradio's page, where the box holds a JS number
    and JSON carries it to Python: "3", "3.0" and "1e3" are whole numbers and arrive as
    int; a fraction, or anything from 1e21 up (which JS writes with an exponent), as
    float."""
    if payload is None:
        return None
    if isinstance(payload, bool):
        raise fail(f"Expected a number, got {payload!r}.")
    if isinstance(payload, int | float):
        text = repr(payload)
    elif isinstance(payload, str):
        text = payload.strip()
        if not text:
            return None
    else:
        raise fail(f"Expected a number, got {type(payload).__name__}.")
    try:
        number = float(text)
    except (ValueError, OverflowError):
        raise fail(f"Expected a number, got {payload!r}.") from None
    if not math.isfinite(number):
        raise fail(f"Expected a finite number, got {payload!r}.")
    return int(number) if number.is_integer() and abs(number) < 1e21 else number


def round_to_precision(number: float | int, precision: int | None) -> float | int:
    """Gradio's rule: no precision leaves the number as it is, 0 rounds to an int, n rounds
    to n places (an int stays an int)."""
    if precision is None:
        return number
    if precision == 0:
        return int(round(number, 0))
    return round(number, precision)


def check_range(number: float | int, minimum: float | None, maximum: float | None) -> None:
    if minimum is not None and number < minimum:
        raise fail(f"Value {number} is less than the minimum, {minimum}.")
    if maximum is not None and number > maximum:
        raise fail(f"Value {number} is more than the maximum, {maximum}.")


def _plain(number: float | int | None) -> float | int | None:
    """A JSON-safe number: NaN and infinities have no JSON form, so they show as empty."""
    if isinstance(number, float) and not math.isfinite(number):
        return None
    return number


class Number(Component):
    type = "number"
    shortcuts = ("number",)

    def __init__(
        self,
        value: Any = None,
        *,
        precision: int | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float = 1,
        placeholder: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        self.precision = precision
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.placeholder = placeholder

    def preprocess(self, payload: Any) -> float | int | None:
        number = parse_number(payload)
        if number is None:
            return None
        check_range(number, self.minimum, self.maximum)
        return round_to_precision(number, self.precision)

    def postprocess(self, value: Any) -> float | int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            try:
                value = float(value)
            except (TypeError, ValueError):
                raise TypeError(f"Number output got {value!r}, which is not a number") from None
        return _plain(round_to_precision(value, self.precision))

    def props(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "step": self.step,
            "placeholder": self.placeholder,
        }


class Slider(Component):
    type = "slider"
    shortcuts = ("slider",)

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 100,
        value: Any = None,
        *,
        step: float | None = None,
        precision: int | None = None,
        randomize: bool = False,
        **kwargs: Any,
    ) -> None:
        # randomize: each page load starts at a random step of the range (Gradio's rule).
        initial = self._random_value if randomize else value
        super().__init__(minimum if initial is None else initial, **kwargs)
        if minimum >= maximum:
            raise ValueError(f"Slider minimum {minimum} must be less than its maximum {maximum}")
        self.minimum = minimum
        self.maximum = maximum
        self.precision = precision
        if step is None:  # Gradio's default: about a hundredth of the range, a power of ten
            step = 10 ** math.floor(math.log10(maximum - minimum) - 2)
        self.step = step

    def _random_value(self) -> float | int:
        steps = int((self.maximum - self.minimum) / self.step) if self.step > 0 else 0
        return self.minimum + random.randint(0, steps) * self.step

    def preprocess(self, payload: Any) -> float | int:
        number = parse_number(payload)
        if number is None:
            raise fail("Expected a number.")
        check_range(number, self.minimum, self.maximum)
        return round_to_precision(number, self.precision)

    def postprocess(self, value: Any) -> float | int | None:
        number = parse_number(self.minimum if value is None else value)
        return None if number is None else _plain(round_to_precision(number, self.precision))

    def props(self) -> dict[str, Any]:
        return {"minimum": self.minimum, "maximum": self.maximum, "step": self.step}
