"""What every component shares: its settings, its config for the page, and the
preprocess (page -> function) / postprocess (function -> page) pair."""

from __future__ import annotations

import copy
import itertools
from typing import Any, ClassVar

from ..errors import InputError

# Layout and cosmetic keywords Gradio components accept that change nothing here.
# Accepting them keeps Gradio apps running unchanged; anything else is a TypeError,
# as a typo would be in Gradio.
IGNORED_KEYWORDS = frozenset(
    (
        "elem_id elem_classes render key scale min_width container show_copy_button autofocus "
        "autoscroll rtl text_align every inputs preserved_by_key buttons show_download_button "
        "height max_height min_height latex_delimiters sanitize_html line_breaks header_links "
        "padding show_reset_button max_length submit_btn stop_btn show_fullscreen_button open "
        "filterable show_select_all time_to_live delete_callback show_heading color "
        "show_indices theme apply_colors show_api load_fn html_template css_template "
        "js_on_load show_line_numbers editable file_types selected html_attributes "
        "num_choices_shown apply_default_css head server_functions "
    ).split()
)

_ids = itertools.count(1)

# The registry: every public component class by its `gr.` name(s), and Gradio's string
# shortcuts. Filled by Component.__init_subclass__, so a new component is one module
# (lite/components/ imports them all); the `gradio` namespace and the shortcut table
# are derived from these two dicts, never listed by hand.
CLASSES: dict[str, type[Component]] = {}
SHORTCUTS: dict[str, type[Component]] = {}


class Component:
    """Base class. Subclasses set `type` and override the hooks below."""

    # The page's module for it (web/src/components/registry.ts), and its config "type".
    type: ClassVar[str] = "component"
    # Gradio's string names for it ("text", "textbox"); not inherited.
    shortcuts: ClassVar[tuple[str, ...]] = ()
    # Other `gr.` names for the class (gr.Text is gr.Textbox); not inherited.
    aliases: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__name__.startswith("_"):
            return  # a shared base such as _Choices
        for name in (cls.__name__, *cls.__dict__.get("aliases", ())):
            CLASSES[name] = cls
        for shortcut in cls.__dict__.get("shortcuts", ()):
            SHORTCUTS[shortcut] = cls

    # The value when the app gives none.
    default_value: Any = None

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        interactive: bool | None = None,
        visible: bool = True,
        **kwargs: Any,
    ) -> None:
        unknown = set(kwargs) - IGNORED_KEYWORDS
        if unknown:
            name = sorted(unknown)[0]
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument '{name}'")
        self.id = next(_ids)
        self.value = self.default_value if value is None else value
        self.label = label
        self.info = info
        self.show_label = True if show_label is None else show_label
        self.interactive = interactive
        self.visible = visible

    # ---- hooks ----

    def preprocess(self, payload: Any) -> Any:
        """Turn the page's value into what the function receives. Raise InputError."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """Turn the function's return value into the page's form."""
        return value

    def props(self) -> dict[str, Any]:
        """Type-specific settings for the page."""
        return {}

    def browser_packages(self) -> list[str]:
        """Packages of Pyodide's own distribution (numpy, pandas, Pillow) this input's
        type= needs in the browser; `lite build` fails early unless the site vendors them."""
        return []

    def example_value(self, value: Any) -> Any:
        """An example cell, in the page form that fills this input."""
        return self.postprocess(value)

    # ---- shared ----

    def initial_value(self) -> Any:
        value = self.value() if callable(self.value) else copy.deepcopy(self.value)
        return self.postprocess(value)

    def config(self, *, is_input: bool) -> dict[str, Any]:
        interactive = self.interactive if self.interactive is not None else is_input
        return {
            "id": self.id,
            "type": self.type,
            "label": self.label or "",
            "show_label": self.show_label,
            "info": self.info,
            "visible": self.visible,
            "interactive": bool(interactive),
            "value": self.initial_value(),
            "props": self.props(),
        }

    def __repr__(self) -> str:
        return f"{type(self).__name__}(label={self.label!r})"


def fail(message: str) -> InputError:
    """An InputError with a message the user sees next to the input."""
    return InputError(message)
