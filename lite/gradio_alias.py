"""The module an app gets from `import gradio`: lite's API, plus a clear error for the
parts of Gradio that lite doesn't implement yet (instead of a bare AttributeError)."""

from __future__ import annotations

from lite import *  # noqa: F403 - this module IS the re-export
from lite import UnsupportedError, __all__  # noqa: F401

# The Gradio API version lite follows: apps compare gr.__version__ with Gradio's
# releases, so it must not be lite's own version (that is lite.__version__).
__version__ = "6.31.0"


def __getattr__(name: str) -> object:
    if name.startswith("_"):
        raise AttributeError(name)
    raise UnsupportedError(
        f"gr.{name} is not supported by lite yet: this runtime implements gr.Interface "
        f"and its components ({', '.join(n for n in __all__ if n[0].isupper())})."
    )
