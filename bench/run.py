"""`make bench`: run every figure, print the table, write bench/results.json."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Playwright, sync_playwright

from . import bigfile, boot, events, footprint, live, offline, report, shared, testkit
from .harness import OUT, ROOT, Harness

RESULTS = Path(__file__).resolve().parent / "results.json"
FIGURES = (
    "boot", "bigfile", "events", "crosstab", "scaling", "bytes", "live", "testkit", "offline"
)  # fmt: skip


@dataclass
class Options:
    boot_runs: int = 8
    events: int = 200
    gradio: bool = True
    crosstab_events: int = 30
    tabs: int = 4
    tab_events: int = 100
    contention_runs: int = 3
    scaling_sizes: list[int] = field(default_factory=lambda: [10, 100, 1_000, 10_000, 100_000])
    scaling_events: int = 15
    live_runs: int = 8
    testkit_runs: int = 5
    only: tuple[str, ...] = FIGURES
    note: str = ""
    results_file: Path = RESULTS


def run_all(
    playwright: Playwright, options: Options, log: Callable[[str], None], out: Path = OUT
) -> report.Results:
    results = report.Results()
    harness = Harness(playwright, out)
    started = time.monotonic()
    results.meta = machine(harness.chromium_version) | {"note": options.note}
    skip = ("note", "results_file")
    results.meta["options"] = {k: v for k, v in vars(options).items() if k not in skip}
    timings: dict[str, float] = {}
    try:
        steps: dict[str, Callable[[], None]] = {
            "boot": lambda: boot.measure(harness, results, options.boot_runs, log),
            "bigfile": lambda: bigfile.measure(harness, results, options.boot_runs, log),
            "events": lambda: events.measure(
                harness, results, options.events, log, gradio=options.gradio
            ),
            "crosstab": lambda: (
                shared.cross_tab(harness, results, options.crosstab_events, log),
                shared.contention(
                    harness, results, options.tabs, options.tab_events, options.contention_runs, log
                ),
            ),
            "scaling": lambda: shared.scaling(
                harness, results, options.scaling_sizes, options.scaling_events, log
            ),
            "bytes": lambda: footprint.measure(harness, results, log),
            "live": lambda: live.measure(harness, results, options.live_runs, log),
            "testkit": lambda: testkit.measure(harness, results, options.testkit_runs, log),
            "offline": lambda: offline.measure(harness, results, options.boot_runs, log),
        }
        for name in FIGURES:
            if name in options.only:
                log(f"{name}...")
                t0 = time.monotonic()
                try:
                    steps[name]()
                except Exception as error:  # one broken figure must not hide the others
                    results.failed.append(f"{name}: {type(error).__name__}: {error}")
                    log(f"  {name} FAILED: {error}")
                timings[name] = round(time.monotonic() - t0, 1)
    finally:
        harness.close()
    results.meta["seconds"] = timings | {"total": round(time.monotonic() - started, 1)}
    if harness.blocked:
        results.unavailable.append(f"lite pages tried to reach the network: {harness.blocked}")
    return results


def machine(chromium: str) -> dict[str, object]:
    """What the README's results section records about where a run happened."""
    cpu = "unknown"
    ram = 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(ram / 2**30, 1),
        "os": platform.platform(),
        "chromium": chromium,
        "python": platform.python_version(),
        "git": _git("rev-parse", "--short", "HEAD"),
        "git_dirty": _git("status", "--porcelain", "--untracked-files=no").splitlines(),
    }


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return ""
    return done.stdout.strip()


def parse(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    defaults = Options()
    parser.add_argument("--boot-runs", type=int, default=defaults.boot_runs)
    parser.add_argument("--events", type=int, default=defaults.events, help="events per app")
    parser.add_argument("--no-gradio", action="store_true", help="skip the Gradio server")
    parser.add_argument("--crosstab-events", type=int, default=defaults.crosstab_events)
    parser.add_argument("--tabs", type=int, default=defaults.tabs)
    parser.add_argument("--tab-events", type=int, default=defaults.tab_events)
    parser.add_argument(
        "--contention-runs",
        type=int,
        default=defaults.contention_runs,
        help="fresh sets of tabs for the contention figure",
    )
    parser.add_argument(
        "--scaling-sizes",
        default=",".join(map(str, defaults.scaling_sizes)),
        help="comma-separated item counts",
    )
    parser.add_argument("--scaling-events", type=int, default=defaults.scaling_events)
    parser.add_argument("--live-runs", type=int, default=defaults.live_runs)
    parser.add_argument("--testkit-runs", type=int, default=defaults.testkit_runs)
    parser.add_argument("--only", default=",".join(FIGURES), help=f"any of {','.join(FIGURES)}")
    parser.add_argument("--note", default="", help="what changed since the last recorded run")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where results.json goes")
    args = parser.parse_args(argv)
    only = tuple(name.strip() for name in args.only.split(",") if name.strip())
    unknown = set(only) - set(FIGURES)
    if unknown:
        parser.error(f"unknown figures: {', '.join(sorted(unknown))}")
    options = Options(
        boot_runs=args.boot_runs,
        events=args.events,
        gradio=not args.no_gradio,
        crosstab_events=args.crosstab_events,
        tabs=args.tabs,
        tab_events=args.tab_events,
        contention_runs=args.contention_runs,
        scaling_sizes=[int(s) for s in args.scaling_sizes.split(",") if s.strip()],
        scaling_events=args.scaling_events,
        live_runs=args.live_runs,
        testkit_runs=args.testkit_runs,
        only=only,
        note=args.note,
        results_file=args.out,
    )
    return options


def main(argv: list[str] | None = None) -> int:
    options = parse(sys.argv[1:] if argv is None else argv)
    with sync_playwright() as playwright:
        results = run_all(playwright, options, lambda line: print(line, flush=True))
    report.write(results, options.results_file)
    meta = results.meta
    print(
        f"\n{meta['date']} | {meta['nproc']} cores, {meta['cpu']}, {meta['ram_gb']} GB"
        f" | Chromium {meta['chromium']} | git {meta['git']}"
        + (" (dirty)" if meta["git_dirty"] else "")
    )
    print(report.table(results))
    print(f"\nwrote {options.results_file} in {meta['seconds']['total']} s")
    return 1 if results.failed else 0
