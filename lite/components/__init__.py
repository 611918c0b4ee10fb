"""The components, and Gradio's string shortcuts for them ("text", "number", ...)."""

from __future__ import annotations

from ..errors import UnsupportedError
from .base import Component
from .choice import Checkbox, CheckboxGroup, Dropdown, Radio
from .display import HTML, JSON, Label, Markdown
from .numeric import Number, Slider
from .state import State
from .text import Text, TextArea, Textbox

__all__ = [
    "HTML",
    "JSON",
    "Checkbox",
    "CheckboxGroup",
    "Component",
    "Dropdown",
    "Label",
    "Markdown",
    "Number",
    "Radio",
    "Slider",
    "State",
    "Text",
    "TextArea",
    "Textbox",
    "from_shortcut",
]

SHORTCUTS: dict[str, type[Component]] = {
    "text": Textbox,
    "textbox": Textbox,
    "textarea": TextArea,
    "number": Number,
    "slider": Slider,
    "checkbox": Checkbox,
    "checkboxgroup": CheckboxGroup,
    "radio": Radio,
    "dropdown": Dropdown,
    "json": JSON,
    "label": Label,
    "markdown": Markdown,
    "html": HTML,
    "state": State,
}


def from_shortcut(spec: Component | str) -> Component:
    """A component instance from an instance, a class, or a Gradio shortcut name."""
    if isinstance(spec, Component):
        return spec
    if isinstance(spec, type) and issubclass(spec, Component):
        return spec()
    if isinstance(spec, str):
        cls = SHORTCUTS.get(spec.lower())
        if cls is None:
            raise UnsupportedError(
                f"The component shortcut {spec!r} is not supported by lite yet. "
                f"Supported: {', '.join(sorted(SHORTCUTS))}."
            )
        return cls()
    raise TypeError(f"Expected a component or a shortcut name, got {spec!r}")
