"""The module an app gets from `import gradio`: lite's API, plus a clear error for the
parts of Gradio that lite doesn't implement yet (instead of a bare AttributeError)."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Sequence

from lite import *  # noqa: F403 - this module IS the re-export
from lite import UnsupportedError, __all__  # noqa: F401

# The Gradio API version lite follows: apps compare gr.__version__ with Gradio's
# releases, so it must not be lite's own version (that is lite.__version__).
__version__ = "6.31.0"

# A package to the import system, so `import gradio.x` asks Submodules below.
__path__: list[str] = []


def __getattr__(name: str) -> object:
    if name.startswith("_"):
        raise AttributeError(name)
    raise UnsupportedError(
        f"gr.{name} is not supported by lite yet: this runtime implements gr.Interface "
        f"and its components ({', '.join(n for n in __all__ if n[0].isupper())})."
    )


class Submodules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """`import gradio.themes` gives the namespace gr.themes is; any other `gradio.x`
    (gradio.media's bundled sample files, gradio.utils...) is a clear error naming it,
    not Python's puzzling "'gradio' is not a package"."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith("gradio.") or fullname in sys.modules:
            return None
        name = fullname.split(".", 1)[1]
        found = globals().get(name)
        if isinstance(found, types.ModuleType) and "." not in name:
            return importlib.machinery.ModuleSpec(fullname, self, origin=found.__name__)
        raise ModuleNotFoundError(
            f"{fullname} is not supported by lite: this runtime implements gr.Interface "
            "and its components, not the rest of the gradio package.",
            name=fullname,
        )

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        # A module of its own with lite's names, so lite's module keeps its identity.
        source = globals()[spec.name.split(".", 1)[1]]
        module = types.ModuleType(spec.name, source.__doc__)
        module.__dict__.update({k: v for k, v in vars(source).items() if not k.startswith("__")})
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        """Nothing to run: create_module filled it."""
