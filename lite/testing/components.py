"""How the testing kit drives each component: one table entry per component type.

An entry says how a user would set an input (`set`: by filling, checking, selecting, as
Playwright does it) and how to turn an output's page value (the JSON the runtime's
`postprocess` made) back into the Python value the function returned (`read`). A new
component adds one entry here. Files in an output value (FileData) are downloaded by the
page object first, so a reader sees each one as its local path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # engine="node" reads values without Playwright installed
    from playwright.sync_api import Locator

# A component's config as the page has it (protocol.ts ComponentConfig).
Config = dict[str, Any]
# (the component's block in the page, the value, its config)
Setter = Callable[["Locator", Any, Config], None]
Reader = Callable[[Any, Config], Any]


@dataclass(frozen=True)
class Kind:
    set: Setter | None = None
    read: Reader = lambda value, config: value


def _control(block: Locator, config: Config) -> Locator:
    """The block's one labelled control; hidden labels (show_label=False) still name it."""
    return block.get_by_label(config["label"], exact=True)


def _fill(block: Locator, value: Any, config: Config) -> None:
    _control(block, config).fill("" if value is None else str(value))


def _check(block: Locator, value: Any, config: Config) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{config['label']!r} is a checkbox: set it to True or False")
    _control(block, config).set_checked(value)


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


def _upload(block: Locator, value: Any, config: Config) -> None:
    """A path, or a list of paths for file_count="multiple"; None empties the picker."""
    paths = [str(p) for p in _as_list(value)]
    _control(block, config).set_input_files(paths)


def _check_group(block: Locator, value: Any, config: Config) -> None:
    picked = set(_indexes(_as_list(value), config))
    for i, (display, _) in enumerate(choices(config)):
        block.get_by_label(display, exact=True).set_checked(i in picked)


def _radio(block: Locator, value: Any, config: Config) -> None:
    (i,) = _indexes([value], config)
    block.get_by_label(choices(config)[i][0], exact=True).check()


def _select(block: Locator, value: Any, config: Config) -> None:
    props = config["props"]
    if props.get("allow_custom_value") and not props.get("multiselect"):
        # A text box with suggestions: a choice is typed as its display text.
        pairs = choices(config)
        shown = next((d for d, v in pairs if v == value), None)
        _fill(block, shown if shown is not None else value, config)
        return
    wanted = _as_list(value) if props.get("multiselect") else [value]
    indexes = _indexes(wanted, config) if value is not None else []
    # Options are valued by their index in the choices (inputs.ts dropdown()).
    _control(block, config).select_option(value=[str(i) for i in indexes])


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
}


def kind(config: Config) -> Kind:
    return KINDS.get(config["type"], Kind())
