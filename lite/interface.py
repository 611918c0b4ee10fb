"""gr.Interface: fn, inputs and outputs become a page config and one event handler."""

from __future__ import annotations

import inspect
import string
from collections.abc import Callable, Sequence
from typing import Any, Literal

from .components import Component, from_shortcut
from .components.base import IGNORED_KEYWORDS
from .components.state import State
from .errors import UnsupportedError

# Interface keywords that only matter on a server or for Gradio's own UI chrome.
SERVER_ONLY = frozenset(
    (
        "cache_examples cache_mode examples_per_page theme css css_paths js head head_paths "
        "flagging_mode flagging_options flagging_dir flagging_callback allow_flagging "
        "analytics_enabled batch max_batch_size concurrency_limit concurrency_id show_api "
        "api_visibility api_description show_progress time_limit stream_every deep_link "
        "fill_width delete_cache example_labels stop_btn additional_inputs "
        "additional_inputs_accordion submit_btn_text preprocess postprocess "
        "run_examples_on_click validator show_progress_on "
    ).split()
)

# The app launched last; the runtime serves it. launch() sets it, so a script that
# never calls launch() still gets its Interface served (the runtime falls back to
# the last one created).
launched: list[Interface] = []
created: list[Interface] = []


def _as_list(spec: Any) -> list[Any]:
    if spec is None:
        return []
    return list(spec) if isinstance(spec, list | tuple) else [spec]


def default_api_name(fn: Callable[..., Any]) -> str:
    """Gradio's endpoint name for fn: its name without punctuation, so a lambda is
    "lambda". An Interface has one endpoint, so Gradio's _1 suffixes never apply."""
    name = getattr(fn, "__name__", None) or type(fn).__name__
    dropped = set(string.punctuation) - {"-", "_"}
    return "".join(c for c in str(name) if c not in dropped)


def _parameter_defaults(fn: Callable[..., Any]) -> list[inspect.Parameter]:
    try:
        return [
            p
            for p in inspect.signature(fn).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
    except (TypeError, ValueError):
        return []


class Interface:
    def __init__(
        self,
        fn: Callable[..., Any],
        inputs: Component | str | Sequence[Component | str] | None,
        outputs: Component | str | Sequence[Component | str] | None,
        examples: list[Any] | str | None = None,
        *,
        title: str | None = None,
        description: str | None = None,
        article: str | None = None,
        live: bool = False,
        submit_btn: str = "Submit",
        clear_btn: str | None = "Clear",
        api_name: str | Literal[False] | None = None,
        **kwargs: Any,
    ) -> None:
        unknown = set(kwargs) - SERVER_ONLY - IGNORED_KEYWORDS
        if unknown:
            name = sorted(unknown)[0]
            raise TypeError(f"Interface() got an unexpected keyword argument '{name}'")
        if not callable(fn):
            raise TypeError(f"Interface fn must be callable, got {fn!r}")
        self.fn = fn
        params = _parameter_defaults(fn)
        input_specs = _as_list(inputs)
        output_specs = _as_list(outputs)
        self.input_components = [from_shortcut(spec) for spec in input_specs]
        self.output_components = [from_shortcut(spec) for spec in output_specs]
        self._link_state(input_specs, params)
        self._default_labels(params)
        self.title = title
        self.description = description
        self.article = article
        self.live = live
        self.submit_btn = submit_btn
        self.clear_btn = clear_btn
        if api_name is False:
            api_name = "false"  # Gradio's name for an endpoint hidden from the API
        elif not (isinstance(api_name, str) and api_name.strip()):
            api_name = default_api_name(fn)
        self.api_name = api_name
        self.examples = self._examples(examples)
        created.append(self)

    # ---- construction, following Gradio's Interface ----

    def _link_state(self, input_specs: list[Any], params: list[inspect.Parameter]) -> None:
        """Exactly one state input and one state output, linked into one State."""
        state_in = [i for i, c in enumerate(self.input_components) if isinstance(c, State)]
        state_out = [i for i, c in enumerate(self.output_components) if isinstance(c, State)]
        if not state_in and not state_out:
            self.state: State | None = None
            return
        if len(state_in) != 1 or len(state_out) != 1:
            raise ValueError(
                "If using 'state', there must be exactly one state input and one state output."
            )
        index = state_in[0]
        state = self.input_components[index]
        assert isinstance(state, State)
        spec = input_specs[index]
        if isinstance(spec, str) and index < len(params):
            # The "state" shortcut takes its initial value from the fn's default.
            default = params[index].default
            state.value = None if default is inspect.Parameter.empty else default
        self.output_components[state_out[0]] = state
        self.state = state

    def _default_labels(self, params: list[inspect.Parameter]) -> None:
        for component, param in zip(self.input_components, params, strict=False):
            if component.label is None and not isinstance(component, State):
                component.label = param.name
        for i, component in enumerate(self.input_components):
            if component.label is None:
                component.label = f"input {i}"
        if len(self.output_components) == 1:
            if self.output_components[0].label is None:
                self.output_components[0].label = "output"
        else:
            for i, component in enumerate(self.output_components):
                if component.label is None:
                    component.label = f"output {i}"

    def _examples(self, examples: list[Any] | str | None) -> list[list[Any]] | None:
        if examples is None:
            return None
        if isinstance(examples, str):
            raise UnsupportedError(
                "Examples from a directory are not supported by lite yet; pass a list of lists."
            )
        count = len(self.page_inputs)
        # Gradio's rule: a list whose first item is a list holds rows, even for one input
        # ([["a"], ["b"]]); otherwise one input's examples may be a flat list.
        nested = bool(examples) and isinstance(examples[0], list)
        rows = []
        for row in examples:
            as_row = isinstance(row, list | tuple) and (nested or count != 1)
            row = list(row) if as_row else [row]
            if len(row) != count:
                raise ValueError(f"Each example needs {count} values, one per input; got {row!r}")
            rows.append(row)
        return rows

    # ---- what the runtime uses ----

    @property
    def page_inputs(self) -> list[Component]:
        return [c for c in self.input_components if not isinstance(c, State)]

    @property
    def page_outputs(self) -> list[Component]:
        return [c for c in self.output_components if not isinstance(c, State)]

    def config(self) -> dict[str, Any]:
        inputs = self.page_inputs
        examples = None
        if self.examples:
            examples = {
                "headers": [c.label or "" for c in inputs],
                # An empty cell stays None: the page gives it what Clear gives (Gradio's
                # postprocess(None)), or leaves the input alone if its column is all empty.
                "rows": [
                    [
                        None if v is None else c.example_value(v)
                        for c, v in zip(inputs, row, strict=True)
                    ]
                    for row in self.examples
                ],
            }
        return {
            "title": self.title,
            "description": self.description,
            "article": self.article,
            "inputs": [c.config(is_input=True) for c in inputs],
            "outputs": [c.config(is_input=False) for c in self.page_outputs],
            "examples": examples,
            "live": self.live,
            "submit_btn": self.submit_btn,
            "clear_btn": self.clear_btn,
            "api_name": self.api_name,
        }

    def launch(self, *args: Any, **kwargs: Any) -> Interface:
        """Register the app. Server arguments (server_port, share, ...) mean nothing here."""
        launched.append(self)
        return self

    def queue(self, *args: Any, **kwargs: Any) -> Interface:
        """Events already run one at a time in order; accepted for compatibility."""
        return self

    def __enter__(self) -> Interface:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def __repr__(self) -> str:
        return f"Interface(fn={getattr(self.fn, '__name__', self.fn)!r})"
