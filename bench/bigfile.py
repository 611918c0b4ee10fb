"""Big app files: boot of an app with a 50 MB data file beside it, next to the plain app.

The file loads after the app is ready (web/src/lazy.ts), so "ready" should match the
plain app's; the first event reads the file, so it waits for the download. A third
site, the same build with the file loaded at boot (app.json's lazy_files emptied),
shows what loading it later saves."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

from .boot import visit
from .harness import Harness
from .pages import BOOT_SCRIPT
from .report import Figure, Results

SIZE = 50 * 1024 * 1024
# BOOT_SCRIPT types "World" and waits for an answer that contains it.
APP = textwrap.dedent(
    """
    from pathlib import Path

    import gradio as gr

    DATA = Path(__file__).parent / "data.bin"


    def greet(name):
        size = len(DATA.read_bytes()) if DATA.exists() else 0
        return f"Hello {name}, the data file has {size} bytes"


    gr.Interface(greet, "text", "text").launch()
    """
)
KINDS = {
    "plain": "plain app",
    "big": "with a 50 MB data file",
    "eager": "with a 50 MB data file loaded at boot",
}
MARKS = {"ready": "ready (data-status)", "event": "first answered event (reads the file)"}


def sites(h: Harness) -> dict[str, str]:
    urls = {}
    # Outside the checkout: bench/out is git-ignored, and so would be the data file.
    with tempfile.TemporaryDirectory(prefix="lite-bench-") as tmp:
        for kind in ("plain", "big"):
            folder = Path(tmp) / kind
            folder.mkdir()
            (folder / "app.py").write_text(APP, "utf-8")
            if kind == "big":
                (folder / "data.bin").write_bytes(os.urandom(SIZE))  # incompressible
            urls[kind] = h.site(f"bigfile-{kind}", folder / "app.py")
    big = h.sites / "bigfile-big"
    eager = h.sites / "bigfile-eager"
    shutil.rmtree(eager, ignore_errors=True)
    shutil.copytree(big, eager)
    manifest = json.loads((big / "app.json").read_text("utf-8"))
    assert manifest["lazy_files"] == ["data.bin"], manifest["lazy_files"]
    manifest["lazy_files"] = []
    (eager / "app.json").write_text(json.dumps(manifest), "utf-8")
    urls["eager"] = urls["big"].replace("/bigfile-big/", "/bigfile-eager/")
    return urls


def measure(h: Harness, results: Results, runs: int, log: Callable[[str], None]) -> None:
    urls = sites(h)
    samples: dict[str, list[float]] = {}
    for run in range(runs):
        order = ["plain", "big", "eager"] if run % 2 == 0 else ["eager", "big", "plain"]
        for kind in order:  # A/B interleaved: drift hits both sides alike
            context = h.context()
            context.add_init_script(BOOT_SCRIPT)
            marks = visit(context.new_page(), urls[kind])["marks"]
            context.close()
            for mark in MARKS:
                samples.setdefault(f"{mark}.{kind}", []).append(marks[mark])
        ready = {kind: samples[f"ready.{kind}"][-1] for kind in KINDS}
        log(
            f"  bigfile run {run + 1}/{runs}: ready {ready['big']:.0f} ms with 50 MB,"
            f" {ready['plain']:.0f} ms without, {ready['eager']:.0f} ms loading it at boot"
        )
    for mark, label in MARKS.items():
        plain = f"bigfile.cold.{mark}.plain"
        samples_plain = samples[f"{mark}.plain"]
        results.add(Figure(plain, f"boot cold, {KINDS['plain']}: {label}", "ms", samples_plain))
        for kind in ("big", "eager"):
            results.add(
                Figure(
                    f"bigfile.cold.{mark}.{kind}",
                    f"boot cold, {KINDS[kind]}: {label}",
                    "ms",
                    samples[f"{mark}.{kind}"],
                    plain,
                )
            )
