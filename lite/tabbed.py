"""gr.TabbedInterface: several Interfaces in one app, one tab each.

Each Interface keeps its own session state. The page config is the first tab's (so
a page that knows nothing of tabs still shows a working app) plus a `tabs` list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import interface
from .interface import Interface, check_launch_arguments, theme_name

__all__ = ["TabbedInterface"]


class TabbedInterface:
    def __init__(
        self,
        interface_list: Sequence[Interface],
        tab_names: list[str] | None = None,
        title: str | None = None,
        analytics_enabled: bool | None = None,
        *,
        theme: Any = None,
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        tabs_kwargs: dict[str, Any] | None = None,  # gr.Tabs options: Blocks-only here
    ) -> None:
        self.interfaces = list(interface_list)
        if not self.interfaces:
            raise ValueError("TabbedInterface needs at least one Interface.")
        for item in self.interfaces:
            if not isinstance(item, Interface):
                raise TypeError(f"TabbedInterface takes Interfaces; got {item!r}")
        if tab_names is None:
            tab_names = [f"Tab {i}" for i in range(len(self.interfaces))]
        if len(tab_names) != len(self.interfaces):
            raise ValueError("tab_names must have one name per Interface.")
        self.tab_names = [str(name) for name in tab_names]
        self.title = title
        self.theme = theme_name(theme)
        self.css = css
        interface.created.append(self)

    def config(self) -> dict[str, Any]:
        tabs: list[dict[str, Any]] = [
            {"name": name, "config": item.config()}
            for name, item in zip(self.tab_names, self.interfaces, strict=True)
        ]
        first: dict[str, Any] = dict(tabs[0]["config"])
        first["title"] = self.title
        first["theme"] = self.theme or first["theme"]
        first["css"] = self.css or first["css"]
        first["tabs"] = tabs
        return first

    def launch(self, *args: Any, **kwargs: Any) -> TabbedInterface:
        check_launch_arguments(args, kwargs)
        if kwargs.get("theme") is not None:
            self.theme = theme_name(kwargs["theme"])
        if kwargs.get("css") is not None:
            self.css = kwargs["css"]
        interface.launched.append(self)
        return self

    def queue(self, *args: Any, **kwargs: Any) -> TabbedInterface:
        return self

    def __enter__(self) -> TabbedInterface:
        return self

    def __exit__(self, *exc: object) -> None:
        return None
