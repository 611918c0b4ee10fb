"""Which module-level names of an app are shared between tabs.

On a server every module-level value is shared by all users because one process serves
them. We can share the plain-data ones (what the codec stores exactly); modules,
functions, classes, components, a loaded model or a lock stay per tab, as a model
loaded at import is per process on a server. Names starting with "_" are still module
data on a server, so they are shared too; only dunders are skipped.

An app overrides the choice at its module level: `gr.shared("name")` forces a name in
(an error at its first event if it can't be shared), `gr.per_tab("name")` keeps one out.
"""

from __future__ import annotations

import sys
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import ModuleType

from .codec import CodecError, encode

__all__ = [
    "Candidates",
    "find_candidates",
    "key_of",
    "label",
    "per_tab",
    "shared",
    "too_big_message",
]

# Where shared()/per_tab() leave their choices: in the calling module itself, so each
# app (and each test's module objects) carries its own, and candidates skip dunders.
OVERRIDES = "__lite_overrides__"

_PLAIN = {type(None), bool, int, float, str, bytes, list, tuple, dict, set, frozenset}
_PLAIN |= {defaultdict, Counter, OrderedDict}
# A module may import another's list (`from util import scores`): both names are then
# one object, so they must be one stored entry or loading them would race.
_MUTABLE = {list, dict, set, defaultdict, Counter, OrderedDict}


def shared(*names: str) -> None:
    """Share these module-level names of the calling module between tabs."""
    _override(names, True)


def per_tab(*names: str) -> None:
    """Keep these module-level names of the calling module separate in each tab."""
    _override(names, False)


def _override(names: tuple[str, ...], share: bool) -> None:
    for name in names:
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"expected module-level variable names, got {name!r}")
    caller = sys._getframe(2).f_globals  # shared()/per_tab() -> _override -> app code
    choices = caller.setdefault(OVERRIDES, {})
    choices.update(dict.fromkeys(names, share))


def key_of(module: ModuleType, name: str) -> str:
    """The store key of a module-level name: "__main__:scores", "util:counter"."""
    return f"{module.__name__}:{name}"


@dataclass
class Candidates:
    # key -> (module, name) holding the value
    slots: dict[str, tuple[ModuleType, str]] = field(default_factory=dict)
    # "module:name" of every shared name -> its key; aliases of one object share a key
    aliases: dict[str, str] = field(default_factory=dict)
    # key -> encoding of the value the module's own code gave it
    initial: dict[str, str] = field(default_factory=dict)
    # "module:name" the app keeps per tab with per_tab()
    excluded: set[str] = field(default_factory=set)
    # key -> why a name forced with shared() cannot be shared
    problems: dict[str, str] = field(default_factory=dict)
    # "module:name" -> what to tell the developer about it, once, at start
    warnings: dict[str, str] = field(default_factory=dict)


def find_candidates(modules: Sequence[ModuleType], max_bytes: int) -> Candidates:
    """The shared names of the app's `modules` (the entry is the one named __main__)."""
    found = Candidates()
    by_object: dict[int, str] = {}
    # Prefer the non-entry module (where an imported object was most likely defined)
    # so every tab picks the same key for an alias.
    for module in sorted(modules, key=lambda m: (m.__name__ == "__main__", m.__name__)):
        namespace = vars(module)
        choices: dict[str, bool] = namespace.get(OVERRIDES, {})
        for name, share in choices.items():
            if name not in namespace:
                which = "shared" if share else "per_tab"
                found.warnings[key_of(module, name)] = (
                    f"{which}({name!r}): module {module.__name__} has no variable {name!r}"
                )
        for name, value in list(namespace.items()):
            if name.startswith("__") and name.endswith("__"):
                continue
            key = key_of(module, name)
            choice = choices.get(name)
            if choice is False:
                found.excluded.add(key)
                continue
            if choice is None and type(value) not in _PLAIN:
                continue
            if type(value) in _MUTABLE and id(value) in by_object:
                found.aliases[key] = by_object[id(value)]
                continue
            try:
                text = encode(value, label(key))
            except CodecError as e:
                if choice:  # forced: the developer must hear why
                    found.problems[key] = f"shared({name!r}) failed: {e}"
                    found.slots[key] = (module, name)
                    found.aliases[key] = key
                continue  # plain on the outside but holding other objects: per tab
            if len(text) > max_bytes:
                found.warnings[key] = too_big_message(key, len(text), max_bytes)
                continue
            found.slots[key] = (module, name)
            found.aliases[key] = key
            found.initial[key] = text
            if type(value) in _MUTABLE:
                by_object[id(value)] = key
    return found


def label(key: str) -> str:
    """What the developer wrote: `scores` in the entry file, `util.scores` elsewhere."""
    module, name = key.split(":", 1)
    return name if module == "__main__" else f"{module}.{name}"


def too_big_message(key: str, size: int, max_bytes: int) -> str:
    return (
        f"global {label(key)!r} is too big to share between tabs ({size:,} bytes encoded, "
        f"the limit is {max_bytes:,}); it stays per tab"
    )
