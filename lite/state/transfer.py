"""The user's hold on shared data: see it, export it, import it, reset it.

The data lives in the user's browser, so the page offers these (the "Shared data"
control and the element's `sharedData` API). An export is a JSON file of the tagged
values with the app's identity (its id) and version (its namespace). An import is
decoded and checked as a whole before anything is written (never executed), then
written in one transaction and announced to the other tabs; a file of another app, or
a corrupt one, changes nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from .candidates import label
from .codec import CodecError, decode
from .store import StoreFullError
from .transaction import GlobalState

__all__ = ["FORMAT", "ImportRefused", "export_data", "import_data", "names", "reset"]

FORMAT = "lite-shared-data"
FORMAT_VERSION = 1


class ImportRefused(ValueError):
    """The file can't be imported; nothing was changed."""


def names(shared: GlobalState) -> list[dict[str, Any]]:
    """The shared names as the developer wrote them, with what each takes in the store."""
    return [{"name": label(key), "size": size} for key, size in shared.sizes().items()]


async def export_data(shared: GlobalState) -> str:
    """This moment's shared values as the export file's text."""
    values = await shared.current()
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app": shared.app_id,
        "version": shared.namespace,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        # Parsed back to JSON so the file reads as one document, not strings in strings.
        "values": {key: json.loads(text) for key, text in values.items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


async def import_data(shared: GlobalState, text: str) -> list[str]:
    """Check `text` as an export of this app and write its values; returns warnings.

    Raises ImportRefused, with nothing written, for another app's file or a corrupt one."""
    await shared.start()
    try:
        document = json.loads(text)
    except (ValueError, TypeError) as e:
        raise ImportRefused(f"This is not a shared-data file (not JSON: {e}).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused("This is not a shared-data file exported by lite.")
    if document.get("format_version") != FORMAT_VERSION:
        raise ImportRefused(
            f"This shared-data file has format version {document.get('format_version')!r}; "
            f"this app reads version {FORMAT_VERSION}."
        )
    app = document.get("app")
    if app != shared.app_id:
        raise ImportRefused(
            f"This file holds the shared data of another app ({app!r}), not of this one "
            f"({shared.app_id!r}). Nothing was imported."
        )
    values = document.get("values")
    if not isinstance(values, dict):
        raise ImportRefused("This shared-data file is corrupt: it has no values.")
    warnings = []
    if document.get("version") != shared.namespace:
        warnings.append(
            "This file was exported from another version of this app; its values were "
            "imported by name."
        )
    known = set(shared.keys)
    checked: dict[str, str] = {}
    for key, tree in values.items():
        if key not in known:
            warnings.append(f"{label(key)!r} is not shared by this version of the app; skipped.")
            continue
        try:
            encoded = json.dumps(tree, ensure_ascii=False, allow_nan=False)
            decode(encoded)  # checked now, so a bad value refuses the whole file
        except (CodecError, ValueError) as e:
            raise ImportRefused(
                f"This shared-data file is corrupt: {label(key)!r} can't be read ({e}). "
                "Nothing was imported."
            ) from None
        checked[key] = encoded
    try:
        await shared.transact(checked)
    except StoreFullError:
        raise ImportRefused(
            "The browser's storage for this site is full: nothing was imported. Free some "
            "space (or clear other sites' data) and try again."
        ) from None
    return warnings


async def reset(shared: GlobalState) -> None:
    """Every shared name back to the value the app's code gives it, in every tab."""
    await shared.start()
    await shared.transact(shared.initial())
