"""The page's first paint, computed at build time: `lite build` runs the app once on the
host (in a child process, as `python app.py` would) and ships the Interface's config in
app.json, so the page shows the full UI at once while Python starts in the browser.

It is an optimisation only: an app that can't run on the host (a browser-only
requirement, newer syntax) just gets no pre-rendered UI."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

TIMEOUT_S = 30
WARNING = "lite: warning: "


def prerender(app: Path) -> dict[str, Any] | None:
    """The app's config as the browser runtime will compute it, or None."""
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
    config: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return config


def _note(reason: str) -> None:
    print(
        f"lite: note: no pre-rendered UI ({reason}); the page shows it once Python runs. "
        "Examples with cache_examples=True are then cached on first click instead.",
        file=sys.stderr,
    )


def main(app_dir: str, entry: str) -> None:
    from .examples import cache_outputs
    from .runtime import Runtime

    runtime = Runtime(app_dir, entry)
    runtime.load()
    config = runtime.config()
    # cache_examples=True: the outputs are computed here, once, and shipped in app.json.
    for warning in asyncio.run(cache_outputs(runtime, config)):
        print(f"{WARNING}{warning}", file=sys.stderr)
    text = json.dumps(config, allow_nan=False)
    sys.stdout.flush()
    print(f"\n{text}")  # last line: the app may have printed before


if __name__ == "__main__":
    main(*sys.argv[1:3])
