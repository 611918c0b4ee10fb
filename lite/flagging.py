"""gr.CSVLogger and friends. In a page, flagged rows go to the browser's IndexedDB (per
app) and download as Gradio's dataset1.csv (web/src/flagging.ts), so these classes are
accepted where Gradio takes a flagging_callback, and have nothing to write here."""

from __future__ import annotations

from typing import Any

__all__ = ["CSVLogger", "ClassicCSVLogger", "FlaggingCallback", "SimpleCSVLogger"]


class FlaggingCallback:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.settings = kwargs

    def setup(self, components: Any, flagging_dir: str) -> None:
        self.components = components
        self.flagging_dir = flagging_dir

    def flag(
        self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None
    ) -> int:
        raise NotImplementedError(
            "In lite, the page stores flagged rows (Flag button); a callback can't be called."
        )


class CSVLogger(FlaggingCallback):
    pass


class SimpleCSVLogger(FlaggingCallback):
    pass


class ClassicCSVLogger(FlaggingCallback):
    pass
