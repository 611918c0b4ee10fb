"""The page's first paint, computed at build time: `lite build` runs the app once on the
host (in a child process, as `python app.py` would) and ships the Interface's config in
app.json, so the page shows the full UI at once while Python starts in the browser.

It is an optimisation only: an app that can't run on the host (a browser-only
requirement, newer syntax) just gets no pre-rendered UI.

The same run tells which of the app's files it reads while it starts: a big file it
does not read then can be loaded after the app is ready (see lite/site.py)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TIMEOUT_S = 30
WARNING = "lite: warning: "


@dataclass
class HostRun:
    """What one start of the app on the host told: its config, and the files it opened
    and the folders it listed (posix paths below the app's folder, "" for the folder)."""

    config: dict[str, Any]
    reads: set[str]
    # Inputs whose type= needs numpy, pandas or Pillow in the browser (Interface.browser_packages).
    packages: dict[str, list[str]]


def prerender(app: Path) -> dict[str, Any] | None:
    """The app's config as the browser runtime will compute it, or None."""
    run = run_on_host(app)
    return run.config if run is not None else None


def run_on_host(app: Path) -> HostRun | None:
    """Start the app once in a child process; None if it can't run here."""
    app = app.resolve()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "lite.prerender", str(app.parent), app.name],
            cwd=app.parent,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        _note(f"the app took over {TIMEOUT_S} s to start")
        return None
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        _note(lines[-1] if lines else f"exit code {done.returncode}")
        return None
    for line in done.stderr.splitlines():
        if line.startswith(WARNING):
            print(line, file=sys.stderr)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return HostRun(result["config"], set(result["reads"]), result["packages"])


def _note(reason: str) -> None:
    print(
        f"lite: note: no pre-rendered UI ({reason}); the page shows it once Python runs. "
        "Examples with cache_examples=True are then cached on first click instead.",
        file=sys.stderr,
    )


def _record_reads(app_dir: str, reads: set[str]) -> None:
    """Note the app's files the app opens and its folders it lists, from now on."""
    root = os.path.realpath(app_dir)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event not in ("open", "os.listdir", "os.scandir") or not args:
            return
        if not isinstance(args[0], str | bytes) or event != "open" and _by_importlib():
            return  # Python's import system lists sys.path folders: not the app's doing
        path = os.path.realpath(os.fsdecode(args[0] or "."))
        if path == root or path.startswith(root + os.sep):
            rel = Path(os.path.relpath(path, root)).as_posix()
            reads.add("" if rel == "." else rel)

    sys.addaudithook(hook)


def _by_importlib() -> bool:
    caller = sys._getframe(2).f_code.co_filename
    return caller.startswith("<frozen importlib")


def main(app_dir: str, entry: str) -> None:
    from .examples import cache_outputs
    from .runtime import Runtime

    reads: set[str] = set()
    _record_reads(app_dir, reads)
    runtime = Runtime(app_dir, entry)
    runtime.load()
    config = runtime.config()
    started = sorted(reads)  # what the app reads to start, not what its examples read
    # cache_examples=True: the outputs are computed here, once, and shipped in app.json.
    for warning in asyncio.run(cache_outputs(runtime, config)):
        print(f"{WARNING}{warning}", file=sys.stderr)
    packages: dict[str, list[str]] = {}
    for app in runtime.apps:  # every Interface of a TabbedInterface
        packages |= app.browser_packages()
    result = json.dumps({"config": config, "reads": started, "packages": packages}, allow_nan=False)
    sys.stdout.flush()
    print(f"\n{result}")  # last line: the app may have printed before


if __name__ == "__main__":
    main(*sys.argv[1:3])
