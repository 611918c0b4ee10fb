"""Every keyword Gradio accepts is accepted here: a valid Gradio argument never gives a
TypeError. The keywords are recorded from the pinned Gradio (tests/gradio/signatures.py)."""

import inspect
import json
from pathlib import Path

import pytest

import lite
from lite.components.base import CLASSES, IGNORED_KEYWORDS

GRADIO = json.loads((Path(__file__).parents[1] / "gradio" / "signatures.json").read_text())


def accepted(cls: type) -> set[str]:
    """Named parameters anywhere in the constructor chain, plus the accept-and-ignore set."""
    names = set(IGNORED_KEYWORDS)
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is not None:
            names |= set(inspect.signature(init).parameters)
    return names


@pytest.mark.parametrize("name", sorted(set(CLASSES) & set(GRADIO["components"])))
def test_component_accepts_every_gradio_keyword(name):
    missing = set(GRADIO["components"][name]) - accepted(CLASSES[name])
    assert not missing, f"gr.{name} does not accept {sorted(missing)}"


def test_components_called_with_gradio_keywords_build():
    """Not only in the signature: the constructor runs with them."""
    lite.Textbox("x", lines=2, max_lines=4, buttons=["copy"], autoscroll=True, html_attributes=None)
    lite.Number(3, minimum=0, maximum=9, step=1, precision=0, every=None, inputs=None, scale=2)
    lite.Slider(0, 10, value=5, randomize=False, show_reset_button=False, buttons=None)


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("Interface", lite.Interface.__init__),
        ("TabbedInterface", lite.TabbedInterface.__init__),
        ("launch", lite.Interface.launch),
        ("Progress", lite.Progress.__init__),
    ],
)
def test_interface_tabs_launch_and_progress_accept_every_gradio_keyword(name, target):
    params = inspect.signature(target).parameters
    takes_any = any(p.kind is p.VAR_KEYWORD for p in params.values())
    known = set(params)
    missing = [k for k in GRADIO[name] if k not in known]
    # **kwargs is fine only where the rest are checked against a known list (Interface).
    assert not missing or takes_any, f"{name} does not accept {missing}"
    if missing and name == "Interface":
        from lite.interface import SERVER_ONLY

        assert not set(missing) - SERVER_ONLY - IGNORED_KEYWORDS, missing
