"""lite's testing kit: a pytest plugin whose `lite_app` fixture builds an app, serves it,
opens it in Chromium and hands back page objects driven by component label.

The plugin is registered through the `pytest11` entry point; Playwright comes with the
`[testing]` extra. See "Testing your app" in the README.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lite.testing.errors import AppBootError, AppError

__all__ = ["AppBootError", "AppError", "LitePage", "NodeApp"]

if TYPE_CHECKING:
    from lite.testing.node import NodeApp
    from lite.testing.page import LitePage


def __getattr__(name: str) -> Any:
    # Playwright is imported only when a page object is asked for.
    if name == "LitePage":
        from lite.testing.page import LitePage

        return LitePage
    if name == "NodeApp":
        from lite.testing.node import NodeApp

        return NodeApp
    raise AttributeError(name)
