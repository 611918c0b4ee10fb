"""DateTime: a date (and by default a time) typed as "YYYY-MM-DD HH:MM:SS", or relative
to now ("now", "now - 2h"). The function gets a timestamp, a datetime or the string,
as `type` says; Gradio's rules throughout."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo
from typing import Any, ClassVar

from .base import Component, fail

TYPES = ("timestamp", "datetime", "string")
_NOW = re.compile(r"^(?:\s*now\s*(?:-\s*(\d+)\s*([dmhs]))?)?\s*$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}


class DateTime(Component):
    type = "datetime"
    shortcuts: ClassVar[tuple[str, ...]] = ("datetime",)

    def __init__(
        self,
        value: Any = None,
        *,
        include_time: bool = True,
        type: str = "timestamp",  # noqa: A002 - Gradio's name
        timezone: str | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in TYPES:
            raise ValueError(f"DateTime type must be one of {TYPES}, not {type!r}")
        super().__init__(value, **kwargs)
        self.value_type = type  # `type` is the page module's name here
        self.include_time = include_time
        self.time_format = "%Y-%m-%d %H:%M:%S" if include_time else "%Y-%m-%d"
        self.timezone = timezone

    def preprocess(self, payload: Any) -> str | float | datetime | None:
        if payload is None or (isinstance(payload, str) and payload.strip() == ""):
            return None
        if not isinstance(payload, str):
            raise fail(f"Expected a date as text, got {type(payload).__name__}.")
        if self.value_type == "string" and "now" not in payload:
            return payload
        moment = self._parse(payload)
        if self.value_type == "string":
            return moment.strftime(self.time_format)
        if self.value_type == "datetime":
            return moment
        return moment.timestamp()

    def postprocess(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.strftime(self.time_format)
        if isinstance(value, str):
            return value
        zone = self._zone() if self.timezone else None
        return datetime.fromtimestamp(value, tz=zone).strftime(self.time_format)

    def props(self) -> dict[str, Any]:
        return {"include_time": self.include_time}

    def _parse(self, text: str) -> datetime:
        if "now" in text:
            match = _NOW.match(text)
            if not match:
                raise fail(f"{text!r} is not a time relative to now, such as 'now - 2h'.")
            amount, unit = int(match.group(1) or 0), match.group(2) or "s"
            return datetime.now() - timedelta(**{_UNITS[unit]: amount})
        try:
            moment = datetime.strptime(text.strip(), self.time_format)
        except ValueError:
            example = "2024-05-01 13:45:00" if self.include_time else "2024-05-01"
            raise fail(f"Enter a date as {example} (got {text!r}).") from None
        return moment.replace(tzinfo=self._zone()) if self.timezone else moment

    def _zone(self) -> tzinfo:
        # Gradio uses pytz; zoneinfo is the standard library's. Its data comes from the
        # system, or from the `tzdata` package where there is none (as in Pyodide).
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo(str(self.timezone))
        except (ZoneInfoNotFoundError, ValueError):
            raise fail(
                f"Unknown timezone {self.timezone!r}. If it is a valid name, add `tzdata` "
                "to the app's requirements.txt: the browser has no timezone database."
            ) from None
