"""gr.themes: Gradio's built-in themes, by name. The page gets the theme's name (as
data-theme on the app) and applies its look; a theme's constructor settings (hues,
fonts) are accepted and not applied."""

from __future__ import annotations

from typing import Any

__all__ = ["Base", "Citrus", "Default", "Glass", "Monochrome", "Ocean", "Origin", "Soft"]


class Base:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.settings = kwargs

    def set(self, **kwargs: Any) -> Base:
        """Gradio's theme.set(...) of CSS variables: accepted, returns the theme."""
        self.settings.update(kwargs)
        return self


class Default(Base): ...


class Soft(Base): ...


class Monochrome(Base): ...


class Glass(Base): ...


class Origin(Base): ...


class Citrus(Base): ...


class Ocean(Base): ...
