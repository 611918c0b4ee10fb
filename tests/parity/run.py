"""`make parity`: record Gradio's answers live, then compare lite's with them.

    .venv/bin/python tests/parity/run.py              # live: regenerate recordings first
    .venv/bin/python tests/parity/run.py --recorded   # compare with the checked-in recordings

Gradio runs from bench/.gradio-venv, made on first use with the version pinned in
bench/gradio_server.py. Exits 1 when a difference is not listed in known.py."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # for bench/

import compare  # noqa: E402

from bench import gradio_server  # noqa: E402


def record_live() -> None:
    version = gradio_server.ensure()
    print(f"Recording Gradio {version} (bench/.gradio-venv)...", flush=True)
    subprocess.run(
        [str(gradio_server.VENV / "bin" / "python"), str(HERE / "gradio_side.py")], check=True
    )


def report() -> int:
    total = identical = 0
    unknown, explained = [], []
    for name, recorded in compare.recordings().items():
        rows, differences = compare.compare_app(name, recorded)
        differing = {d.row for d in differences}
        total += rows
        identical += rows - len(differing)
        for difference in differences:
            (explained if difference.reason else unknown).append(difference)
        print(f"{name}: {rows - len(differing)}/{rows} identical")
    per_component = Counter(d.component for d in unknown + explained)
    print(f"\n{identical}/{total} identical rows; {len(unknown) + len(explained)} differences")
    for component, count in sorted(per_component.items()):
        print(f"  {component}: {count}")
    if explained:
        print(f"\nKnown differences ({len(explained)}), see PARITY.md:")
        for reason, count in sorted(Counter(d.reason for d in explained).items()):
            print(f"  {count} x {reason}")
    if unknown:
        print(f"\nUnexplained differences ({len(unknown)}):")
        for difference in unknown:
            print("  " + difference.show())
        return 1
    return 0


def main(argv: list[str]) -> int:
    if "--recorded" not in argv:
        record_live()
    return report()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
