"""Number and Slider: numbers in and out, with Gradio's range checks and rounding."""

from __future__ import annotations

import math
import random
from typing import Any

from .base import Component, fail


def parse_number(payload: Any) -> float | int | None:
    """The page sends what was typed; an empty box is None."""
    if payload is None:
        return None
    if isinstance(payload, bool):
        raise fail(f"Expected a number, got {payload!r}.")
    if isinstance(payload, int | float):
        number: float | int = payload
    elif isinstance(payload, str):
        text = payload.strip()
        if not text:
            return None
        try:
            number = int(text) if text.lstrip("+-").isdigit() else float(text)
        except ValueError:
            raise fail(f"Expected a number, got {payload!r}.") from None
    else:
        raise fail(f"Expected a number, got {type(payload).__name__}.")
    if isinstance(number, float) and not math.isfinite(number):
        raise fail(f"Expected a finite number, got {payload!r}.")
    return number


def round_to_precision(number: float | int, precision: int | None) -> float | int:
    """Gradio's rule: no precision gives a float, 0 gives an int, n rounds to n places."""
    if precision is None:
        return float(number)
    if precision == 0:
        return int(round(number, 0))
    return round(float(number), precision)


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
        if minimum > maximum:
            raise ValueError(f"Slider minimum {minimum} is more than its maximum {maximum}")
        self.minimum = minimum
        self.maximum = maximum
        self.step = 1 if step is None else step
        self.precision = precision

    def _random_value(self) -> float | int:
        steps = int((self.maximum - self.minimum) / self.step) if self.step > 0 else 0
        value = self.minimum + random.randint(0, steps) * self.step
        return int(value) if self._integral() else value

    def _integral(self) -> bool:
        return all(float(x).is_integer() for x in (self.minimum, self.step))

    def preprocess(self, payload: Any) -> float | int:
        number = parse_number(payload)
        if number is None:
            raise fail("Expected a number.")
        check_range(number, self.minimum, self.maximum)
        if self._integral() and float(number).is_integer():
            return int(number)
        return float(number)

    def postprocess(self, value: Any) -> float | int | None:
        return _plain(parse_number(value)) if value is not None else self.minimum

    def props(self) -> dict[str, Any]:
        return {"minimum": self.minimum, "maximum": self.maximum, "step": self.step}
