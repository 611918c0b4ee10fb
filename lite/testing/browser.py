"""Which Chromium to launch, and with which flags: one home for the testing kit, our own
browser tests and the benchmark harness (tests/browser_setup.py delegates here).

Order: $LITE_CHROMIUM, Playwright's own Chromium when it is installed, else the system's
/usr/bin/chromium (Debian's `chromium` package), since Playwright cannot download its
browsers on every machine.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SYSTEM_CHROMIUM = "/usr/bin/chromium"
# --no-sandbox: CI and containers often run as root, where Chromium's sandbox refuses to
# start. The rest: no background traffic, so a test only sees the requests its app makes.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def is_offsite(url: str) -> bool:
    """A request that would leave this machine."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS


def choose(bundled: str | None) -> str | None:
    """The executable to launch, or None for Playwright's default (its own Chromium)."""
    explicit = os.environ.get("LITE_CHROMIUM")
    if explicit:
        return explicit
    return None if bundled else SYSTEM_CHROMIUM


def installed(path: str | None) -> str | None:
    """`path` if a file is there: Playwright names its Chromium even when not downloaded."""
    return path if path and Path(path).is_file() else None


def launch_args(base: dict[str, Any], bundled: str | None) -> dict[str, Any]:
    """Chromium launch options: `base` (e.g. pytest-playwright's, from --headed) plus our
    flags and, unless a channel or executable is already chosen, the executable."""
    args = {**base, "args": [*base.get("args", []), *CHROMIUM_ARGS]}
    if "channel" not in args and "executable_path" not in args:
        executable = choose(installed(bundled))
        # Without any Chromium, Playwright's own error says to run `playwright install`.
        if executable and (executable != SYSTEM_CHROMIUM or installed(executable)):
            args["executable_path"] = executable
    return args
