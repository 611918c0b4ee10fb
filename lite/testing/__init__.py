"""lite's testing kit: a pytest plugin whose `lite_app` fixture builds an app, serves it,
opens it in Chromium and hands back page objects driven by component label.

The plugin is registered through the `pytest11` entry point; Playwright comes with the
`[testing]` extra. See "Testing your app" in the README.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["AppBootError", "AppError", "LitePage"]

if TYPE_CHECKING:
    from lite.testing.page import AppBootError, AppError, LitePage


def __getattr__(name: str) -> Any:
    # Playwright is imported only when a page object is asked for.
    if name in __all__:
        from lite.testing import page

        return getattr(page, name)
    raise AttributeError(name)
