"""The optional packages some `type=` values need (Pillow, numpy, pandas, polars).

The runtime stays pure standard library, and these have no Pyodide wheel unless a site
ships them, so they are imported only when an app asks for them; a missing one is a
clear error that names the component, the package and both fixes."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def missing(component: str, packages: list[str], fix: str) -> str:
    """The error for a `type=` whose package is absent: what, why, and both fixes."""
    names = " and ".join(packages)
    one = len(packages) == 1
    return (
        f"{component} needs {names}, which {'is' if one else 'are'} not installed in this "
        f"Python. Either use {fix}, or ship the {names} {'wheel' if one else 'wheels'} with "
        "the app (lite build --pyodide-packages URL)."
    )


def optional(module: str) -> Any:
    """The module, or None when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def require(
    who: str, modules: dict[str, str], fix: str, error: Callable[[str], Exception]
) -> list[Any]:
    """Each module (module -> its package's name), or `error` naming every missing one.

    Inputs raise an InputError (shown at the input, the function is not called); outputs
    raise gr.Error (shown as the event's error)."""
    found = {name: optional(name) for name in modules}
    absent = list(dict.fromkeys(p for name, p in modules.items() if found[name] is None))
    if absent:
        raise error(missing(who, absent, fix))
    return list(found.values())
