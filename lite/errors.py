"""Gradio's user-facing messages: gr.Error ends an event with a message; gr.Info and
gr.Warning show a toast and let the event go on."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass


class Error(Exception):
    """Raise inside an event function to show `message` to the user instead of a traceback."""

    def __init__(
        self,
        message: str = "Error raised.",
        duration: float | None = 10,
        visible: bool = True,
        title: str = "Error",
        print_exception: bool = True,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.duration = duration
        self.visible = visible
        self.title = title
        self.print_exception = print_exception


class UnsupportedError(NotImplementedError):
    """A part of Gradio's API that this runtime does not implement yet."""


class InputError(ValueError):
    """An input value that doesn't fit its component; the function is not called."""


@dataclass
class Toast:
    level: str
    message: str
    title: str | None
    duration: float | None


# The toasts raised by the event that is running; None outside events.
current_toasts: contextvars.ContextVar[list[Toast] | None] = contextvars.ContextVar(
    "current_toasts", default=None
)


def _toast(level: str, message: str, duration: float | None, title: str | None) -> None:
    toasts = current_toasts.get()
    if toasts is None:
        # Outside an event there is no page to show it on; Gradio logs it too.
        print(f"{level}: {message}")
        return
    toasts.append(Toast(level, str(message), title or None, duration))


def Info(
    message: str = "Info issued.",
    duration: float | None = 10,
    visible: bool = True,
    title: str = "",
) -> None:  # noqa: N802 - Gradio's name
    """Show an info toast from inside an event function."""
    if visible:
        _toast("info", message, duration, title)


def Warning(
    message: str = "Warning issued.",
    duration: float | None = 10,  # noqa: A001,N802
    visible: bool = True,
    title: str = "",
) -> None:
    """Show a warning toast from inside an event function."""
    if visible:
        _toast("warning", message, duration, title)
