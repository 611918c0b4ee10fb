"""lite: Gradio's Interface API, running in the browser on Pyodide.

Inside the runtime, `import gradio as gr` gives lite.gradio_alias, which re-exports
this API; names of Gradio's that lite doesn't have yet raise UnsupportedError."""

from . import themes
from .components import (
    HTML,
    JSON,
    Checkbox,
    CheckboxGroup,
    Component,
    Dropdown,
    Label,
    Markdown,
    Number,
    Radio,
    Slider,
    State,
    Text,
    TextArea,
    Textbox,
)
from .errors import Error, Info, UnsupportedError, Warning
from .flagging import CSVLogger, FlaggingCallback, SimpleCSVLogger
from .interface import Interface
from .progress import Progress
from .request import Request
from .state import per_tab, shared
from .tabbed import TabbedInterface

__version__ = "0.1.0"

__all__ = [
    "CSVLogger",
    "HTML",
    "JSON",
    "Checkbox",
    "CheckboxGroup",
    "Component",
    "Dropdown",
    "Error",
    "FlaggingCallback",
    "Info",
    "Interface",
    "Label",
    "Markdown",
    "Number",
    "Progress",
    "Radio",
    "Request",
    "SimpleCSVLogger",
    "Slider",
    "State",
    "TabbedInterface",
    "Text",
    "TextArea",
    "Textbox",
    "UnsupportedError",
    "Warning",
    "__version__",
    "per_tab",
    "shared",
    "themes",
]
