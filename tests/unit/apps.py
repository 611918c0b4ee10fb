"""Test helper: an app's modules made from source, standing in for one tab's Python."""

import sys
import textwrap
from types import ModuleType


def make_app(**sources: str) -> list[ModuleType]:
    """Run each source as a module, in order; the entry is the one named `__main__`."""
    modules = []
    try:
        for name, source in sources.items():
            module = ModuleType(name)
            if name != "__main__":  # so the next sources can import it
                sys.modules[name] = module
            exec(textwrap.dedent(source), vars(module))
            modules.append(module)
    finally:
        for module in modules:
            if sys.modules.get(module.__name__) is module:
                del sys.modules[module.__name__]
    return modules
