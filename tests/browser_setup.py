"""Make sure a Chromium exists for the browser tests; `make test` runs this first.

Order: $LITE_CHROMIUM, Playwright's own Chromium, the system's /usr/bin/chromium, and
as root on Debian/Ubuntu an apt-get install of it (Playwright cannot download its
browsers on every machine). The browser tests (tests/browser/conftest.py) and the
benchmark harness (bench/harness.py) launch Chromium with what is defined here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

SYSTEM_CHROMIUM = "/usr/bin/chromium"
# No background traffic: this machine (and CI) reach no host but the package registries.
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


def bundled_chromium() -> str | None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if Path(path).is_file() else None


def choose(bundled: str | None) -> str | None:
    """The executable to launch, or None for Playwright's default (its own Chromium)."""
    explicit = os.environ.get("LITE_CHROMIUM")
    if explicit:
        return explicit
    return None if bundled else SYSTEM_CHROMIUM


def main() -> int:
    explicit = os.environ.get("LITE_CHROMIUM")
    if explicit:
        print(f"browser: {explicit} (from $LITE_CHROMIUM)")
        return 0 if Path(explicit).is_file() else 1
    bundled = bundled_chromium()
    if bundled:
        print(f"browser: Playwright's Chromium at {bundled}")
        return 0
    if not Path(SYSTEM_CHROMIUM).is_file():
        if os.geteuid() != 0:
            print(
                "No Chromium found. Run `.venv/bin/playwright install chromium`, or install "
                "the system package (apt-get install chromium), or set LITE_CHROMIUM.",
                file=sys.stderr,
            )
            return 1
        subprocess.run(["apt-get", "update"], check=True)
        subprocess.run(["apt-get", "install", "-y", "chromium"], check=True)
    print(f"browser: {SYSTEM_CHROMIUM}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
