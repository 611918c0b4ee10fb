"""gr.Interface: fn, inputs and outputs become a page config and one event handler."""

from __future__ import annotations

import inspect
import os
import string
from collections.abc import Callable, Sequence
from typing import Any, Literal

from .components import Component, from_shortcut
from .components.base import IGNORED_KEYWORDS
from .components.state import State
from .examples import examples_from_directory
from .special import SpecialParams

# Gradio 6 Interface keywords that only matter on a server or for Gradio's own hosting.
# They are accepted so Gradio apps run unchanged, and have no effect here (README).
SERVER_ONLY = frozenset(
    (
        "flagging_dir flagging_callback analytics_enabled api_visibility api_description "
        "_api_mode allow_duplication concurrency_limit concurrency_id show_api time_limit "
        "stream_every deep_link fill_width fill_height delete_cache preload_example validator "
        "additional_inputs_accordion js head head_paths css_paths mode preprocess postprocess "
        "run_examples_on_click show_progress_on trigger_mode api_mode "
    ).split()
)
# Keywords applied in the page, or by the runtime.
APPLIED = frozenset(
    (
        "stop_btn show_progress css theme batch max_batch_size examples_per_page "
        "example_labels cache_examples cache_mode flagging_mode flagging_options "
        "allow_flagging additional_inputs submit_btn_text "
    ).split()
)
# launch(): every Gradio 6 keyword is accepted; those about a server mean nothing in a page.
# theme/css/js/head moved to launch() in Gradio 6; theme and css are applied.
LAUNCH_KEYWORDS = frozenset(
    (
        "inline inbrowser share debug max_threads auth auth_message prevent_thread_lock "
        "show_error server_name server_port height width favicon_path ssl_keyfile "
        "ssl_certfile ssl_keyfile_password ssl_verify quiet footer_links run_history "
        "allowed_paths blocked_paths root_path app_kwargs state_session_capacity "
        "share_server_address share_server_protocol share_server_tls_certificate "
        "auth_dependency max_file_size enable_monitoring strict_cors node_server_name "
        "node_port ssr_mode pwa mcp_server num_workers _app _frontend i18n theme css "
        "css_paths js head head_paths show_api enable_queue favicon"
    ).split()
)
SHOW_PROGRESS = ("full", "minimal", "hidden")
FLAGGING_MODES = ("never", "auto", "manual")


def theme_name(theme: Any) -> str | None:
    """A built-in theme's name ("soft", "monochrome", ...) or None for the default look."""
    if theme is None:
        return None
    if isinstance(theme, str):
        return theme.rsplit("/", 1)[-1].lower() or None
    return type(theme).__name__.lower()


def button_label(button: Any, default: str | None) -> str | None:
    """submit_btn and friends take a string, a gr.Button, or (clear/stop) None/False."""
    if button is None or button is False:
        return None
    if button is True:
        return default
    if isinstance(button, str):
        return button
    value = getattr(button, "value", None)
    return str(value) if value is not None else default


# The app launched last; the runtime serves it. launch() sets it, so a script that
# never calls launch() still gets its Interface served (the runtime falls back to
# the last one created).
# Interfaces and TabbedInterfaces.
launched: list[Any] = []
created: list[Any] = []


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


def check_launch_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """A keyword Gradio's launch() doesn't take is a TypeError there, and so here."""
    if len(args) > _LAUNCH_POSITIONAL:
        raise TypeError(
            f"launch() takes at most {_LAUNCH_POSITIONAL} positional arguments ({len(args)} given)"
        )
    unknown = sorted(set(kwargs) - LAUNCH_KEYWORDS)
    if unknown:
        raise TypeError(f"launch() got an unexpected keyword argument '{unknown[0]}'")


# inline, inbrowser, share, debug, max_threads, auth, auth_message, prevent_thread_lock,
# show_error, server_name, server_port
_LAUNCH_POSITIONAL = 11


def _flagging_mode(mode: str | None, allow_flagging: str | None, live: bool) -> str:
    """Gradio's default is "manual" (a Flag button); allow_flagging is its older name."""
    mode = mode or allow_flagging or os.environ.get("GRADIO_FLAGGING_MODE") or "manual"
    if mode not in FLAGGING_MODES:
        raise ValueError(f"Invalid value for `flagging_mode` parameter: {mode!r}")
    return mode


def _flagging_options(options: Any) -> list[tuple[str, str | None]]:
    """(button label, stored value) pairs, as Gradio builds them."""
    if options is None:
        return [("Flag", None)]
    if isinstance(options, list) and all(isinstance(x, str) for x in options):
        return [(f"Flag as {x}", x) for x in options]
    if isinstance(options, list) and all(isinstance(x, tuple) and len(x) == 2 for x in options):
        return [(str(label), value) for label, value in options]
    raise ValueError(
        "flagging_options must be a list of strings or list of (string, string) tuples."
    )


class Interface:
    def __init__(
        self,
        fn: Callable[..., Any],
        inputs: Component | str | Sequence[Component | str] | None,
        outputs: Component | str | Sequence[Component | str] | None,
        examples: list[Any] | str | None = None,
        *,
        cache_examples: bool | None = None,
        cache_mode: str | None = None,
        examples_per_page: int = 10,
        example_labels: list[str] | None = None,
        title: str | None = None,
        description: str | None = None,
        article: str | None = None,
        live: bool = False,
        flagging_mode: str | None = None,
        flagging_options: list[str] | list[tuple[str, str]] | None = None,
        batch: bool = False,
        max_batch_size: int = 4,
        api_name: str | Literal[False] | None = None,
        additional_inputs: Component | str | Sequence[Component | str] | None = None,
        submit_btn: Any = "Submit",
        stop_btn: Any = "Stop",
        clear_btn: Any = "Clear",
        show_progress: str = "full",
        **kwargs: Any,
    ) -> None:
        unknown = set(kwargs) - SERVER_ONLY - APPLIED - IGNORED_KEYWORDS
        if unknown:
            name = sorted(unknown)[0]
            raise TypeError(f"Interface() got an unexpected keyword argument '{name}'")
        if not callable(fn):
            raise TypeError(f"Interface fn must be callable, got {fn!r}")
        if show_progress not in SHOW_PROGRESS:
            raise ValueError(f"show_progress must be one of {SHOW_PROGRESS}, got {show_progress!r}")
        self.fn = fn
        self.special = SpecialParams(fn)
        params = self.special.plain  # gr.Request and gr.Progress take no input
        input_specs = _as_list(inputs) + _as_list(additional_inputs)
        output_specs = _as_list(outputs)
        self.input_components = [from_shortcut(spec) for spec in input_specs]
        self.output_components = [from_shortcut(spec) for spec in output_specs]
        self._link_state(input_specs, params)
        self._default_labels(params)
        self.title = title
        self.description = description
        self.article = article
        self.live = live
        self.submit_btn = button_label(kwargs.get("submit_btn_text", submit_btn), "Submit")
        self.stop_btn = button_label(stop_btn, "Stop")
        self.clear_btn = button_label(clear_btn, "Clear")
        self.show_progress = show_progress
        self.batch = batch
        self.max_batch_size = max_batch_size
        self.theme = theme_name(kwargs.get("theme"))
        self.css: str | None = kwargs.get("css")
        self.flagging_mode = _flagging_mode(flagging_mode, kwargs.get("allow_flagging"), live)
        self.flagging_options = _flagging_options(flagging_options)
        self.examples_per_page = max(1, int(examples_per_page))
        self.example_labels = example_labels
        self.cache_examples = bool(cache_examples)
        self.cache_mode = cache_mode or "eager"
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
        count = len(self.page_inputs)
        if isinstance(examples, str):
            examples = examples_from_directory(examples, count)
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
                "per_page": self.examples_per_page,
                "labels": self.example_labels,
                # "eager": outputs computed at build time; "lazy": on first click.
                "cache": self.cache_mode if self.cache_examples else None,
                "outputs": None,
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
            "stop_btn": self.stop_btn,
            "show_progress": self.show_progress,
            "css": self.css,
            "theme": self.theme,
            "flagging_mode": self.flagging_mode,
            "flagging_options": [list(pair) for pair in self.flagging_options],
        }

    def browser_packages(self) -> dict[str, list[str]]:
        """Each input that needs a package of Pyodide's distribution: "Image 'Photo'" -> names."""
        return {
            f"{type(c).__name__} {c.label!r}": c.browser_packages()
            for c in self.page_inputs
            if c.browser_packages()
        }

    def launch(self, *args: Any, **kwargs: Any) -> Interface:
        """Register the app. Server arguments (server_port, share, ...) mean nothing in a
        page; theme and css (which Gradio 6 takes here) are applied."""
        check_launch_arguments(args, kwargs)
        if kwargs.get("theme") is not None:
            self.theme = theme_name(kwargs["theme"])
        if kwargs.get("css") is not None:
            self.css = kwargs["css"]
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
