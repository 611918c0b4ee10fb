"""Figure 2, event round trip: click to output in the DOM, lite beside a Gradio server."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import BrowserContext, ElementHandle, Page

from . import gradio_server
from .harness import EXAMPLES, Harness
from .pages import RUN_EVENTS
from .report import Figure, Results

READY_TIMEOUT_MS = 120_000
EVENT_TIMEOUT_MS = 30_000
Log = Callable[[str], None]
WARM_UP = 10
BLOCKS = 4  # lite and Gradio take turns, BLOCKS times each


@dataclass
class App:
    """An example app, how to find its input and output, and what each event sends."""

    name: str
    input_label: str
    output_label: str
    # value(i) -> (what to type, a marker the answer must contain); markers of different
    # events never contain one another, so an answer is never mistaken for another's.
    value: Callable[[int], tuple[str, str]]


APPS = [
    App("hello_world", "name", "output", lambda i: (f"n{i}.", f"Hello, n{i}.")),
    App("message_store", "message", "output 0", lambda i: (f"m{i}.", f'"m{i}."')),
    # Rising scores, so each one becomes the top score the output shows.
    App("score_tracker", "Score", "Top Scores", lambda i: (str(10_000 + i), str(10_000 + i))),
]


def locate_output(page: Page, label: str) -> ElementHandle:
    """lite's <output> and Gradio's textarea are labelled; Gradio's JSON is a block
    whose caption is not tied to any control, so that block is the output."""
    labelled = page.get_by_label(label, exact=True)
    if labelled.count() == 1:
        return labelled.element_handle()
    caption = page.locator("[data-testid=block-label]", has_text=re.compile(rf"^\s*{label}\s*$"))
    return page.locator(".block").filter(has=caption).first.element_handle()


class Target:
    """One page of one app, ready to take events."""

    def __init__(self, context: BrowserContext, url: str, app: App, *, lite: bool) -> None:
        self.context = context
        self.page = context.new_page()
        self.page.goto(url, timeout=READY_TIMEOUT_MS)
        ready = 'gradio-lite[data-status="ready"]' if lite else "button:text-is('Submit')"
        self.page.wait_for_selector(ready, timeout=READY_TIMEOUT_MS)
        self.handles = {
            "input": self.page.get_by_label(app.input_label, exact=True).element_handle(),
            "output": locate_output(self.page, app.output_label),
            "submit": self.page.get_by_role("button", name="Submit", exact=True).element_handle(),
        }
        self.app = app
        self.sent = 0
        self.samples: list[float] = []

    def run(self, n: int, *, keep: bool = True) -> None:
        values = [self.app.value(self.sent + i) for i in range(n)]
        self.sent += n
        times = self.page.evaluate(
            RUN_EVENTS,
            {
                **self.handles,
                "values": [v for v, _ in values],
                "expect": [m for _, m in values],
                "timeoutMs": EVENT_TIMEOUT_MS,
            },
        )
        if keep:
            self.samples += [e - s for s, e in zip(times["start"], times["end"], strict=True)]


def measure(
    h: Harness,
    results: Results,
    n: int,
    log: Log,
    *,
    gradio: bool = True,
) -> None:
    servers: dict[str, gradio_server.GradioServer] = {}
    gradio_blocked: list[str] = []
    reason = _start_gradio(h, servers, results, log) if gradio else "skipped (--no-gradio)"
    if reason:
        results.unavailable.append(f"gradio: unavailable: {reason}")
    try:
        for app in APPS:
            url = h.site(app.name, EXAMPLES / app.name / "app.py")
            targets = {"lite": Target(h.context(), url, app, lite=True)}
            if app.name in servers:
                context = h.context(route=True, blocked=gradio_blocked)
                targets["gradio"] = Target(context, servers[app.name].url, app, lite=False)
            for target in targets.values():
                target.run(WARM_UP, keep=False)
            order = list(targets.values())
            for block in range(BLOCKS):
                for target in order if block % 2 == 0 else order[::-1]:
                    target.run(n // BLOCKS + (1 if block < n % BLOCKS else 0))
            for target in targets.values():
                target.context.close()
            gradio_key = f"event.{app.name}.gradio"
            if "gradio" in targets:
                label = f"event {app.name}: Gradio server"
                results.add(Figure(gradio_key, label, "ms", targets["gradio"].samples))
            lite = targets["lite"].samples
            ref = gradio_key if "gradio" in targets else None
            label = f"event {app.name}: lite"
            results.add(Figure(f"event.{app.name}.lite", label, "ms", lite, ref))
            log(f"  events {app.name}: done")
    finally:
        for server in servers.values():
            server.stop()
    if servers:
        results.meta["gradio_offsite_requests_aborted"] = len(gradio_blocked)
        results.meta["gradio_offsite_hosts"] = sorted({u.split("/")[2] for u in gradio_blocked})


def _start_gradio(
    h: Harness, servers: dict[str, gradio_server.GradioServer], results: Results, log: Log
) -> str | None:
    """Start one server per app (in parallel: they idle once up); a reason if we can't."""
    try:
        log("  gradio: checking bench/.gradio-venv (the first run installs gradio)")
        version = gradio_server.ensure()
        results.meta["gradio"] = version
        for app in APPS:
            folder = h.out / "gradio" / app.name
            servers[app.name] = gradio_server.GradioServer(EXAMPLES / app.name / "app.py", folder)
        for server in servers.values():
            server.wait()
        log(f"  gradio {version}: {len(servers)} servers up")
        return None
    except gradio_server.Unavailable as error:
        for server in servers.values():
            server.stop()
        servers.clear()
        return str(error)
