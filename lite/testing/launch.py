"""Registered by the lite plugin when pytest-playwright is installed: its browser gets
Chromium's flags and, when Playwright's own Chromium isn't downloaded, the system's."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Playwright

from lite.testing.browser import launch_args


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], playwright: Playwright, browser_name: str
) -> dict[str, Any]:
    if browser_name != "chromium":  # --browser firefox: Playwright's own, as asked
        return browser_type_launch_args
    return launch_args(browser_type_launch_args, playwright.chromium.executable_path)
