"""lite: Gradio's Interface API, running in the browser on Pyodide.

Inside the runtime, `import gradio as gr` gives lite.gradio_alias, which re-exports
this API; names of Gradio's that lite doesn't have yet raise UnsupportedError.
The components come from their registry (lite/components/), so none is listed here."""

from . import components, themes
from .components import *  # noqa: F403 - the registry's classes
from .components.chatbot import ChatMessage
from .errors import Error, Info, UnsupportedError, Warning
from .flagging import CSVLogger, FlaggingCallback, SimpleCSVLogger
from .interface import Interface
from .progress import Progress
from .request import Request
from .state import per_tab, shared
from .tabbed import TabbedInterface

# lite's own version; the one source (pyproject.toml reads it from here).
__version__ = "0.1.0"

__all__ = [
    *components.__all__,
    "CSVLogger",
    "ChatMessage",
    "Error",
    "FlaggingCallback",
    "Info",
    "Interface",
    "Progress",
    "Request",
    "SimpleCSVLogger",
    "TabbedInterface",
    "UnsupportedError",
    "Warning",
    "per_tab",
    "shared",
    "themes",
]
