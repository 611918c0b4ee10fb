"""Make sure a Chromium exists for the browser tests; `make test` runs this first.

The choice itself (and Chromium's flags) lives in lite/testing/browser.py, shared by the
testing kit, our browser tests and the benchmark harness. This script adds the set-up:
as root on Debian/Ubuntu it installs the system's chromium with apt-get when neither
Playwright's Chromium nor the system's is there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from lite.testing.browser import CHROMIUM_ARGS, SYSTEM_CHROMIUM, choose, installed, is_offsite

__all__ = ["CHROMIUM_ARGS", "SYSTEM_CHROMIUM", "bundled_chromium", "choose", "is_offsite"]


def bundled_chromium() -> str | None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return installed(playwright.chromium.executable_path)


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
