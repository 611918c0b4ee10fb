"""Loading an app: run its entry file as __main__ with `gradio` aliased to us, and
find the Interface it defined."""

from __future__ import annotations

import sys
import types
from pathlib import Path

from . import interface
from .interface import Interface
from .tabbed import TabbedInterface


class AppError(Exception):
    """The app ran but gave us nothing to serve."""


def alias_gradio() -> None:
    """Make `import gradio as gr` give this runtime. Only ever called inside the
    runtime (the browser worker, or a test's Runtime), never at import time."""
    from . import gradio_alias

    current = sys.modules.get("gradio")
    if current is not None and current is not gradio_alias:
        raise AppError("A real 'gradio' package is already imported here; lite can't alias it.")
    sys.modules["gradio"] = gradio_alias


def app_modules(app_dir: Path) -> list[types.ModuleType]:
    """The app's own modules: __main__ and whatever it imported from its folder."""
    root = str(app_dir.resolve())
    found = []
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if path and str(Path(path).resolve()).startswith(root + "/"):
            found.append(module)
    return found


def run_entry(app_dir: Path, entry: str) -> types.ModuleType:
    """Run the entry as __main__, so `if __name__ == "__main__": demo.launch()` works."""
    path = app_dir / entry
    source = path.read_text(encoding="utf-8")
    module = types.ModuleType("__main__")
    module.__file__ = str(path)
    if str(app_dir) not in sys.path:
        sys.path.insert(0, str(app_dir))
    code = compile(source, str(path), "exec")
    previous = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    interface.launched.clear()
    interface.created.clear()
    try:
        exec(code, module.__dict__)
    except BaseException:
        if previous is not None:
            sys.modules["__main__"] = previous
        raise
    return module


def served_interface() -> Interface | TabbedInterface:
    """The Interface (or TabbedInterface) the app launched; else the last one it created."""
    served: Interface | TabbedInterface
    if interface.launched:
        served = interface.launched[-1]
        return served
    if interface.created:
        served = interface.created[-1]
        return served
    raise AppError(
        "The app defined no gr.Interface. Create one, e.g. "
        "demo = gr.Interface(fn, inputs, outputs), and call demo.launch()."
    )
