"""What the testing kit raises, and how long it waits: shared by both engines."""

from __future__ import annotations

BOOT_TIMEOUT_MS = 120_000
EVENT_TIMEOUT_MS = 60_000


class AppBootError(Exception):
    """The app did not start; the message holds its traceback."""


class AppError(Exception):
    """The app's function raised (or refused its inputs) in a predict() call."""
