"""gr.Progress: a function reports how far it is, and the page shows a bar over the outputs.

As in Gradio, the app declares `progress=gr.Progress()` as a parameter default and calls
it (`progress(0.5, desc="Halfway")`) or wraps an iterable (`progress.tqdm(items)`). The
runtime passes that same object in; which event it reports to comes from a context
variable the runtime sets around the call, so a Progress called outside an event does
nothing, exactly like Gradio's.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Progress", "Reporter", "current_reporter"]

# Receives the progress levels (outermost first) as plain dicts, ready for the page.
Reporter = Callable[[list[dict[str, Any]]], None]
current_reporter: ContextVar[Reporter | None] = ContextVar("lite_progress", default=None)

# Updates closer together than this are dropped, except the first and last of a level
# and any change of description: a tight loop must not flood the page with messages.
MIN_INTERVAL = 0.02


@dataclass
class Level:
    index: float | None
    length: float | None
    unit: str
    progress: float | None
    desc: str | None


class _Tracked:
    """One iterable that progress.tqdm wraps, counting the items taken from it."""

    def __init__(self, owner: Progress, iterable: Iterable[Any] | None, level: Level) -> None:
        self.owner = owner
        self.iterator: Iterator[Any] | None = None if iterable is None else iter(iterable)
        self.level = level

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        if self.iterator is None:
            raise StopIteration
        self.owner._send(force=self.level.index == 0)
        try:
            item = next(self.iterator)
        except StopIteration:
            self.owner._pop(self)
            raise
        assert self.level.index is not None
        self.level.index += 1
        return item

    def __len__(self) -> int:
        return int(self.level.length or 0)

    def update(self, n: float = 1) -> None:
        self.owner.update(n)


class Progress:
    """Gradio's progress tracker; see the module docstring."""

    def __init__(self, track_tqdm: bool = False) -> None:
        # track_tqdm patches the tqdm library in Gradio. tqdm is rarely installed in a
        # browser app; the flag is accepted and explicit progress calls work as usual.
        self.track_tqdm = track_tqdm
        self._levels: list[_Tracked] = []
        self._last_sent = 0.0
        self._last_desc: str | None = None

    def reset(self) -> None:
        """Forget the iterables of an earlier event (the runtime calls this per event)."""
        self._levels = []
        self._last_sent = 0.0
        self._last_desc = None

    def __call__(
        self,
        progress: float | tuple[int, int | None] | None,
        desc: str | None = None,
        total: float | None = None,
        unit: str = "steps",
        _tqdm: Any = None,
    ) -> Any:
        """Report a fraction (0..1), a (done, total) pair, or None (busy, no bar)."""
        if current_reporter.get() is None:
            return progress
        if isinstance(progress, tuple):
            index, total = progress
            level = Level(index, total, unit, None, desc)
            done = total is not None and index >= total
        else:
            level = Level(None, total, unit, progress, desc)
            done = progress is None or progress >= 1
        self._send(extra=level, force=done)
        return None

    def tqdm(
        self,
        iterable: Iterable[Any] | None,
        desc: str | None = None,
        total: float | None = None,
        unit: str = "steps",
        _tqdm: Any = None,
    ) -> Any:
        """Wrap an iterable: the bar advances by one for every item taken from it."""
        if current_reporter.get() is None:
            return iter([]) if iterable is None else iter(iterable)
        length = len(iterable) if hasattr(iterable, "__len__") else total  # type: ignore[arg-type]
        tracked = _Tracked(self, iterable, Level(0, length, unit, None, desc))
        self._levels.append(tracked)
        if iterable is None:
            self._send(force=True)
        return tracked

    def update(self, n: float = 1) -> None:
        """Advance the innermost progress.tqdm level by n steps (tqdm's update())."""
        if current_reporter.get() is None or not self._levels:
            return
        level = self._levels[-1].level
        level.index = (level.index or 0) + n
        self._send()

    def close(self, _tqdm: Any = None) -> None:
        if self._levels:
            self._pop(self._levels[-1])

    def __len__(self) -> int:
        return len(self._levels[-1]) if self._levels else 0

    # ---- sending ----

    def _pop(self, tracked: _Tracked) -> None:
        if tracked in self._levels:
            self._levels.remove(tracked)
        self._send(force=True)

    def _send(self, extra: Level | None = None, force: bool = False) -> None:
        report = current_reporter.get()
        if report is None:
            return
        levels = [t.level for t in self._levels] + ([extra] if extra else [])
        desc = levels[-1].desc if levels else None
        now = time.monotonic()
        if not force and desc == self._last_desc and now - self._last_sent < MIN_INTERVAL:
            return
        self._last_sent = now
        self._last_desc = desc
        report([asdict(level) for level in levels])


def fraction(levels: list[dict[str, Any]]) -> float | None:
    """The innermost level's completion, 0..1, or None when it has no measure."""
    if not levels:
        return None
    last = levels[-1]
    if last["progress"] is not None:
        return float(last["progress"])
    if last["index"] is not None and last["length"]:
        return float(last["index"]) / float(last["length"])
    return None


def make_reporter(emit: Callable[[dict[str, Any]], None], event_id: int) -> Reporter:
    """A Reporter that posts the levels as an event-progress message for `event_id`."""
    from . import protocol

    return lambda levels: emit(protocol.event_progress(event_id, levels))
