"""Which shared names an event function can read or write.

A function reaches the globals named in its code (co_names covers both global names
and attribute names, so `util.scores` is seen too), in its nested code objects
(lambdas, comprehensions, inner functions), in its closure and defaults, and in every
app-module function, method or class it can get to from those. The analysis is static
and deliberately generous: a name reached by mistake costs a lock and an encoding; a
name missed would silently stop being shared.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from types import BuiltinFunctionType, CodeType, FunctionType, MethodType, ModuleType
from typing import Any
from weakref import WeakKeyDictionary

from .candidates import Candidates, key_of

__all__ = ["Reach", "Reacher"]

# Names through which code can reach any global of its own module.
_OWN_DYNAMIC = frozenset({"globals", "vars", "eval", "exec"})
# Names through which code can reach any attribute of a module it names.
_MODULE_DYNAMIC = _OWN_DYNAMIC | {"getattr", "setattr", "delattr", "__dict__"}

# Containers are searched for functions up to this size; bigger ones are data.
_MAX_SCAN = 10_000

# Code, not data: never reported as a per-tab global.
_CODE_TYPES = (FunctionType, MethodType, BuiltinFunctionType, partial, type, ModuleType)


@dataclass(frozen=True)
class Reach:
    keys: frozenset[str]
    """Store keys of the shared values the function may read or write."""
    per_tab: frozenset[str]
    """"module:name" of other app data it touches (a model, a lock): per tab, say so once."""


class Reacher:
    """Reach analysis for one tab's app modules; results are cached per function."""

    def __init__(self, modules: Sequence[ModuleType], candidates: Candidates) -> None:
        self.candidates = candidates
        self.modules = {m.__name__: m for m in modules}
        self.module_of_globals = {id(vars(m)): m for m in modules}
        self.keys_by_module: dict[str, set[str]] = {}
        for full, key in candidates.aliases.items():
            self.keys_by_module.setdefault(full.split(":", 1)[0], set()).add(key)
        # Weak, so a wrapper made per event doesn't pile up in the cache.
        self._cache: WeakKeyDictionary[Any, Reach] = WeakKeyDictionary()

    def reach(self, fn: object) -> Reach:
        try:
            return self._cache[fn]
        except (KeyError, TypeError):  # TypeError: unhashable, or no weak references
            pass
        result = _Walk(self).run(fn)
        with suppress(TypeError):  # such callables are analysed every time
            self._cache[fn] = result
        return result

    def is_app_class(self, cls: type) -> bool:
        return getattr(cls, "__module__", None) in self.modules


class _Walk:
    def __init__(self, reacher: Reacher) -> None:
        self.r = reacher
        self.keys: set[str] = set()
        self.per_tab: set[str] = set()
        self.seen: set[int] = set()
        self.seen_module_names: set[tuple[int, int]] = set()
        # Objects met on the way, kept alive so their ids in `seen` stay unique.
        self.alive: list[object] = []
        # Mutable shared values by identity: a closure or partial holding `scores`
        # itself reaches it without naming it.
        self.by_object: dict[int, str] = {}
        for key, (module, name) in reacher.candidates.slots.items():
            value = vars(module).get(name)
            if isinstance(value, (list, dict, set)):
                self.by_object[id(value)] = key

    def run(self, fn: object) -> Reach:
        self.visit(fn)
        return Reach(frozenset(self.keys), frozenset(self.per_tab))

    def first_time(self, obj: object) -> bool:
        if id(obj) in self.seen:
            return False
        self.seen.add(id(obj))
        self.alive.append(obj)
        return True

    def visit(self, obj: object) -> None:
        if obj is None or not self.first_time(obj):
            return
        key = self.by_object.get(id(obj))
        if key is not None:
            self.keys.add(key)
        elif isinstance(obj, FunctionType):
            self.function(obj)
        elif isinstance(obj, MethodType):
            self.visit(obj.__func__)
            self.visit(obj.__self__)
        elif isinstance(obj, partial):
            self.visit_all([obj.func, *obj.args, *obj.keywords.values()])
        elif isinstance(obj, (staticmethod, classmethod)):
            self.visit(obj.__func__)
        elif isinstance(obj, property):
            self.visit_all([obj.fget, obj.fset, obj.fdel])
        elif isinstance(obj, type):
            for cls in obj.__mro__:
                if self.r.is_app_class(cls):
                    self.visit_all(vars(cls).values())
        elif isinstance(obj, (list, tuple, set, frozenset)) and len(obj) <= _MAX_SCAN:
            self.visit_all(obj)  # a list of handlers, say
        elif isinstance(obj, dict) and len(obj) <= _MAX_SCAN:
            self.visit_all(obj.values())  # a dispatch table: {"add": add_score, ...}
        elif not isinstance(obj, ModuleType) and self.r.is_app_class(type(obj)):
            self.visit(type(obj))  # an instance: its methods, and what it holds
            self.visit_all(_attributes(obj))
        else:
            self.visit(_wrapped(obj))  # functools.lru_cache and other wrappers

    def visit_all(self, objects: Iterable[object]) -> None:
        for obj in objects:
            self.visit(obj)

    def function(self, fn: FunctionType) -> None:
        for cell in fn.__closure__ or ():
            try:
                content = cell.cell_contents
            except ValueError:  # an empty cell
                continue
            self.visit(content)
        self.visit_all(fn.__defaults__ or ())
        self.visit_all((fn.__kwdefaults__ or {}).values())
        self.visit(vars(fn).get("__wrapped__"))  # functools.wraps decorators
        module = self.r.module_of_globals.get(id(fn.__globals__))
        if module is not None:  # library code is not followed: it can't name app globals
            self.code(fn.__code__, module)

    def code(self, code: CodeType, module: ModuleType) -> None:
        if not self.first_time(code):
            return
        names = code.co_names
        if _OWN_DYNAMIC.intersection(names):
            self.keys |= self.r.keys_by_module.get(module.__name__, set())
        namespace = vars(module)
        for name in names:
            if name in namespace:
                self.global_name(module, name, namespace[name], names)
            elif name in self.r.modules:  # `import util` inside the function
                self.module_attributes(self.r.modules[name], names)
        for const in code.co_consts:
            if isinstance(const, CodeType):
                self.code(const, module)

    def global_name(self, module: ModuleType, name: str, value: object, names: Any) -> None:
        full = key_of(module, name)
        key = self.r.candidates.aliases.get(full)
        if key is not None:
            self.keys.add(key)
        elif isinstance(value, ModuleType):
            if self.r.modules.get(value.__name__) is value:
                self.module_attributes(value, names)
        else:
            if not (_is_code(value) or full in self.r.candidates.excluded or _dunder(name)):
                self.per_tab.add(full)
            self.visit(value)

    def module_attributes(self, module: ModuleType, names: Any) -> None:
        # `util.scores`: any name of the code may be an attribute of the module.
        pair = (id(module), id(names))  # both outlive the walk
        if pair in self.seen_module_names:
            return
        self.seen_module_names.add(pair)
        if _MODULE_DYNAMIC.intersection(names):
            self.keys |= self.r.keys_by_module.get(module.__name__, set())
        namespace = vars(module)
        for name in names:
            if name in namespace:
                self.global_name(module, name, namespace[name], names)


def _is_code(value: object) -> bool:
    # Callables without instance data (ufuncs, builtins, wrappers) are code; a callable
    # object with attributes (a loaded model, a pipeline) is data worth a notice.
    if isinstance(value, _CODE_TYPES) or _wrapped(value) is not None:
        return True
    return callable(value) and not _attributes(value)


def _dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def _attributes(obj: object) -> list[object]:
    try:
        return list(vars(obj).values())
    except TypeError:  # no __dict__
        return []


def _wrapped(obj: object) -> object:
    try:
        return getattr(obj, "__wrapped__", None)
    except Exception:  # objects with odd __getattr__ (proxies, models) don't wrap code
        return None
