"""How the testing kit drives each component: one table entry per component type.

An entry says how a user would set an input (`set`: by filling, checking, selecting, as
Playwright does it) and how to turn an output's page value (the JSON the runtime's
`postprocess` made) back into the Python value the function returned (`read`). A new
component adds one entry here; until it does, its input is set through the page's own
widget (as picking an example sets it) with the value in page form, and its output is
returned in page form. Files in an output value (FileData) are downloaded by the page
object first, so a reader sees each one as its local path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # engine="node" reads values without Playwright installed
    from playwright.sync_api import Locator

# A component's config as the page has it (protocol.ts ComponentConfig).
Config = dict[str, Any]


@dataclass(frozen=True)
class Field:
    """One input of the page, for a setter."""

    element: Locator  # the <gradio-lite>
    block: Locator  # the component's block: its label, control and messages
    index: int  # its position among the inputs
    config: Config

    @property
    def label(self) -> str:
        return str(self.config["label"])

    @property
    def props(self) -> dict[str, Any]:
        return dict(self.config.get("props") or {})

    def control(self) -> Locator:
        """The block's one labelled control; hidden labels (show_label=False) name it too."""
        return self.block.get_by_label(self.label, exact=True)


Setter = Callable[[Field, Any], None]
Reader = Callable[[Any, Config], Any]


def through_widget(field: Field, value: Any) -> None:
    """Set the value (page form) with the component's own setter, as an example row does;
    a live app runs as after an edit."""
    field.element.evaluate("(el, [i, v]) => el.app.setInput(i, v)", [field.index, value])


@dataclass(frozen=True)
class Kind:
    set: Setter = through_widget
    read: Reader = lambda value, config: value


def _fill(field: Field, value: Any) -> None:
    field.control().fill("" if value is None else str(value))


def _check(field: Field, value: Any) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{field.label!r} is a checkbox: set it to True or False")
    field.control().set_checked(value)


def choices(config: Config) -> list[tuple[str, Any]]:
    """(display, value) pairs; a bare value shows as its own text (values.ts toChoices)."""
    pairs = []
    for item in config["props"].get("choices") or []:
        if isinstance(item, list) and len(item) == 2 and isinstance(item[0], str):
            pairs.append((item[0], item[1]))
        else:
            pairs.append((str(item), item))
    return pairs


def _indexes(wanted: list[Any], config: Config) -> list[int]:
    pairs = choices(config)
    found = []
    for value in wanted:
        matches = [i for i, (_, v) in enumerate(pairs) if v == value]
        if not matches:
            names = ", ".join(repr(v) for _, v in pairs) or "none"
            raise ValueError(f"{config['label']!r} has no choice {value!r}; its choices: {names}")
        found.append(matches[0])
    return found


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple | set) else [value]


def _upload(field: Field, value: Any) -> None:
    """A path, or a list of paths for file_count="multiple"; None empties the picker."""
    remove = field.block.get_by_role("button", name="Remove", exact=True)
    if value is None and remove.count() == 1 and remove.is_visible():
        remove.click()  # Image, Audio, Video: their own way to drop the file
        return
    field.control().set_input_files([str(p) for p in _as_list(value)])


def _check_group(field: Field, value: Any) -> None:
    picked = set(_indexes(_as_list(value), field.config))
    for i, (display, _) in enumerate(choices(field.config)):
        field.block.get_by_label(display, exact=True).set_checked(i in picked)


def _radio(field: Field, value: Any) -> None:
    (i,) = _indexes([value], field.config)
    field.block.get_by_label(choices(field.config)[i][0], exact=True).check()


def _select(field: Field, value: Any) -> None:
    props = field.props
    if props.get("allow_custom_value") and not props.get("multiselect"):
        # A text box with suggestions: a choice is typed as its display text.
        shown = next((d for d, v in choices(field.config) if v == value), None)
        _fill(field, shown if shown is not None else value)
        return
    wanted = _as_list(value) if props.get("multiselect") else [value]
    indexes = _indexes(wanted, field.config) if value is not None else []
    # Options are valued by their index in the choices (the dropdown module).
    field.control().select_option(value=[str(i) for i in indexes])


def _table(field: Field, value: Any) -> None:
    """A list of rows (headers kept), or {"headers": [...], "data": [...]}."""
    if not isinstance(value, dict):
        initial = field.config.get("value") or {}
        value = {"headers": initial.get("headers") or [], "data": [list(r) for r in value or []]}
    through_widget(field, value)


def _number(value: Any, config: Config) -> int | float | None:
    if value is None:
        return None
    precision = config["props"].get("precision")
    return int(value) if precision == 0 else float(value)


def _slider(value: Any, config: Config) -> int | float | None:
    if value is None:
        return None
    props = config["props"]
    integral = all(float(props.get(k) or 0).is_integer() for k in ("minimum", "step"))
    return int(value) if integral and float(value).is_integer() else float(value)


def _label(value: Any, config: Config) -> Any:
    """{label: confidence} as the function returned it, or the bare label it returned."""
    if not isinstance(value, dict):
        return value
    confidences = value.get("confidences") or []
    if confidences:
        return {c["label"]: c["confidence"] for c in confidences}
    return value.get("label")


def _rows(value: Any, config: Config) -> Any:
    return value.get("data") if isinstance(value, dict) else value


def _tokens(value: Any, config: Config) -> Any:
    """[(text, category), ...] as the function returns them."""
    if not isinstance(value, list):
        return value
    return [(t.get("token"), t.get("class_or_confidence")) for t in value]


def _part(part: Any) -> Any:
    if isinstance(part, dict) and part.get("type") == "text":
        return part.get("text")
    if isinstance(part, dict) and part.get("type") == "file":
        return part.get("file")  # a local path by now
    return part


def _gallery(value: Any, config: Config) -> Any:
    """[(path, caption), ...]: the (media, caption) pairs a function returns."""
    if not isinstance(value, list):
        return value
    return [(item.get("image") or item.get("video"), item.get("caption")) for item in value]


def _messages(value: Any, config: Config) -> Any:
    """[{"role", "content"}]: one text (or file path) as itself, several as a list."""
    if not isinstance(value, list):
        return value
    out = []
    for message in value:
        parts = [_part(p) for p in message.get("content") or []]
        item = {"role": message.get("role"), "content": parts[0] if len(parts) == 1 else parts}
        if message.get("metadata"):
            item["metadata"] = message["metadata"]
        out.append(item)
    return out


KINDS: dict[str, Kind] = {
    "textbox": Kind(set=_fill),
    "number": Kind(set=_fill, read=_number),
    "slider": Kind(set=_fill, read=_slider),
    "checkbox": Kind(set=_check, read=lambda value, config: bool(value)),
    "checkboxgroup": Kind(set=_check_group, read=lambda value, config: _as_list(value)),
    "radio": Kind(set=_radio),
    "dropdown": Kind(set=_select),
    "json": Kind(),
    "label": Kind(read=_label),
    "markdown": Kind(),
    "html": Kind(),
    # Output files arrive as local paths already: the page object downloads them.
    "file": Kind(set=_upload),
    "image": Kind(set=_upload),
    "audio": Kind(set=_upload),
    "video": Kind(set=_upload),
    "gallery": Kind(read=_gallery),
    "code": Kind(set=_fill),
    "colorpicker": Kind(set=_fill),  # "#rrggbb"
    "datetime": Kind(set=_fill),  # its text: "2026-12-01" or "2026-12-01 09:30:00"
    "dataframe": Kind(set=_table, read=_rows),
    "highlightedtext": Kind(read=_tokens),
    "chatbot": Kind(read=_messages),
}


def kind(config: Config) -> Kind:
    return KINDS.get(config["type"], Kind())
