"""The one place where the two systems' payloads are converted into each other.

Both front ends are browsers, so every value they send has been through JavaScript:
- a number is a JS double: 3 and 3.0 are one value and serialise as `3`; integral
  doubles below 1e21 reach Python as int, the rest as float; NaN and infinities as null
  (`js_value`).
- Gradio's number input is `<input type="number">`: what was typed reaches Python as
  the JS number it parses to, an empty or unparsable box as null (`typed_number`).
- lite's number and slider inputs send the text as typed (Python validates it);
  its choice inputs send the chosen values in the order they were picked; its
  custom-value dropdown sends the display text's value, or the text typed
  (`lite_page`, mirroring web/src/render/inputs.ts and web/src/values.ts).
- Each page fills empty inputs with its own defaults before the first submit
  (`gradio_initial`, from Gradio's js/*/Index.svelte; `lite_initial`, from inputs.ts).

Files are compared by name (`files_by_name`; record.describe does the same for paths
the function receives).

An edge value is written once, as the value a user puts on Gradio's page (or, for
numbers, the text they type); lite's side gets what its page would send for the same
on-screen state. Outputs are compared as the page receives them: after `js_value`.

Recordings keep long strings short (`pack`/`unpack`): the harness's one long edge text
is stored by name, and any other long string by its length and hash.

Standard library only: both venvs import this module."""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

from cases import LONG_TEXT

LONG = 300
LONG_TEXT_MARK = "<cases.LONG_TEXT>"

# Number.prototype.toString switches to exponent form at 1e21.
JS_EXPONENT_FROM = 1e21


def js_value(value: Any) -> Any:
    """`value` after JSON.parse then JSON.stringify in a browser, read back by Python."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value if abs(value) < JS_EXPONENT_FROM else float(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value.is_integer() and abs(value) < JS_EXPONENT_FROM:
            return int(value)
        return value
    if isinstance(value, dict):
        return {str(k): js_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [js_value(v) for v in value]
    return value


def js_text(value: Any) -> str:
    """String(value) for a JS number, and lite's toText() for the rest (values.ts)."""
    value = js_value(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        mantissa, _, exponent = text.partition("e")
        if exponent:  # Python writes 1e-07, JS writes 1e-7
            sign = exponent[0] if exponent[0] in "+-" else "+"
            text = f"{mantissa}e{sign}{int(exponent.lstrip('+-'))}"
        return text
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def typed_number(text: str) -> Any:
    """What Gradio's `<input type="number">` sends for `text` typed into it."""
    text = text.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None  # the browser empties an unparsable number input
    return js_value(number)


def gradio_initial(kind: str, value: Any) -> Any:
    """What Gradio's page sends for an input left as the page first shows it."""
    if kind == "textbox" and value is None:
        return ""  # js/textbox/shared/Textbox.svelte
    if kind == "number" and value is None:
        return 0  # js/number/Index.svelte: `value ??= 0`
    return js_value(value)


def gradio_after_clear(kind: str, cleared: Any) -> Any:
    """What Gradio's page sends after Clear (or an example) set an input to `cleared`. Only
    the textbox turns null into "" (Textbox.svelte); Number's `??= 0` ran at load."""
    if kind == "textbox" and cleared is None:
        return ""
    return js_value(cleared)


def lite_cleared(config: dict[str, Any]) -> Any:
    """What lite's Clear sets a component to (values.ts clearedValue)."""
    kind = config["type"]
    if kind == "slider":
        minimum = config.get("props", {}).get("minimum")
        return minimum if isinstance(minimum, int | float) else 0
    if kind == "dataframe":
        value = config.get("value")
        headers = value.get("headers") if isinstance(value, dict) else None
        return {
            "headers": headers if isinstance(headers, list) else [],
            "data": [],
            "metadata": None,
        }
    return {"checkbox": False, "checkboxgroup": [], "label": {}, "chatbot": []}.get(kind)


def lite_example(configs: list[dict[str, Any]], rows: list[list[Any]], number: int) -> list[Any]:
    """What lite's page sends after example `number` (from 1) is picked on a fresh form
    (app.ts onExample): an all-empty column leaves its input alone, an empty cell gets
    what Clear gives."""
    sent = []
    for i, config in enumerate(configs):
        value = rows[number - 1][i]
        if all(row[i] is None for row in rows):
            sent.append(lite_initial(config))
        else:
            sent.append(lite_page(config, lite_cleared(config) if value is None else value))
    return sent


def lite_initial(config: dict[str, Any]) -> Any:
    """What lite's page sends for an input left as it first shows it (inputs.ts createInput:
    an empty Number starts at 0, as on Gradio's page)."""
    value = config["value"]
    return lite_page(config, 0 if config["type"] == "number" and value is None else value)


def _same(a: Any, b: Any) -> bool:
    """values.ts sameJson: equal JSON text, as JS would write it."""
    return json.dumps(js_value(a)) == json.dumps(js_value(b))


def lite_page(config: dict[str, Any], value: Any) -> Any:
    """What lite's page sends after its input `config` is set to `value` (inputs.ts)."""
    kind = config["type"]
    props = config.get("props", {})
    value = js_value(value)
    if kind == "code" and value is None:
        return None  # code.ts sends null until something is typed
    if kind in ("textbox", "number", "slider", "code", "datetime"):
        return js_text(value)
    if kind == "colorpicker":  # colorpicker.ts: "#rgb" or "#rrggbb" as lower-case "#rrggbb"
        if value is None:
            return None
        text = js_text(value).strip().lstrip("#")
        if len(text) == 3 and all(c in "0123456789abcdefABCDEF" for c in text):
            text = "".join(c + c for c in text)
        ok = len(text) == 6 and all(c in "0123456789abcdefABCDEF" for c in text)
        return f"#{text.lower()}" if ok else js_text(value)
    if kind == "checkbox":
        return value is True
    wanted = value if isinstance(value, list) else ([] if value is None else [value])
    choices = [(str(c[0]), c[1]) for c in props.get("choices", [])]
    # pickedIndices: the first matching choice of each wanted value, in the wanted order.
    order: list[int] = []
    for w in wanted:
        i = next((i for i, (_, v) in enumerate(choices) if _same(w, v)), None)
        if i is not None and i not in order:
            order.append(i)
    picked = [choices[i][1] for i in order]
    if kind == "checkboxgroup":
        return picked
    if kind == "radio":
        return picked[0] if picked else None
    if kind == "dropdown":
        if props.get("multiselect"):
            return None if value is None else picked
        if props.get("allow_custom_value"):
            shown = next((d for d, v in choices if _same(v, value)), None)
            text = shown if shown is not None else js_text(value)
            match = next((v for d, v in choices if d == text), None)
            if match is not None:
                return match
            return None if text == "" else text
        return picked[0] if picked else None
    return value


def files_by_name(value: Any) -> Any:
    """`value` with each file shown by what the page shows of it: its name. Where a file
    lives is each system's own (Gradio: a server cache and URL; lite: the page's Pyodide
    file system and an object URL), and Gradio leaves an output file's size unset."""
    if isinstance(value, dict) and "orig_name" in value and "path" in value:
        return {"file": value.get("orig_name")}
    if isinstance(value, list):
        return [files_by_name(v) for v in value]
    if isinstance(value, dict):
        return {k: files_by_name(v) for k, v in value.items()}
    return value


def pack(value: Any) -> Any:
    """`value` as a recording keeps it: long strings shortened (see the module's doc)."""
    if isinstance(value, str) and len(value) > LONG:
        if value == LONG_TEXT:
            return LONG_TEXT_MARK
        digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return f"<text of {len(value)} chars, sha256 {digest}>"
    if isinstance(value, list | tuple):
        return [pack(v) for v in value]
    if isinstance(value, dict):
        return {k: pack(v) for k, v in value.items()}
    return value


def unpack(value: Any) -> Any:
    """A recorded input value, as it was sent."""
    if value == LONG_TEXT_MARK:
        return LONG_TEXT
    if isinstance(value, list):
        return [unpack(v) for v in value]
    return value
