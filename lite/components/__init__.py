"""The components. Every module here is imported, and each component class registers
itself (base.Component.__init_subclass__): adding a component is adding a module."""

from __future__ import annotations

import importlib
import pkgutil

from ..errors import UnsupportedError
from .base import CLASSES, SHORTCUTS, Component

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

globals().update(CLASSES)
__all__ = ["Component", "from_shortcut", *sorted(CLASSES)]


def from_shortcut(spec: Component | str | type[Component]) -> Component:
    """A component instance from an instance, a class, or a Gradio shortcut name."""
    if isinstance(spec, Component):
        return spec
    if isinstance(spec, type) and issubclass(spec, Component):
        return spec()
    if isinstance(spec, str):
        # Gradio ignores case and underscores here: "playable_video" is PlayableVideo.
        cls = SHORTCUTS.get(spec.lower().replace("_", ""))
        if cls is None:
            raise UnsupportedError(
                f"The component shortcut {spec!r} is not supported by lite yet. "
                f"Supported: {', '.join(sorted(SHORTCUTS))}."
            )
        return cls()
    raise TypeError(f"Expected a component or a shortcut name, got {spec!r}")
