"""The Pyodide memory snapshot a built site ships: Python with lite's runtime already
imported, which the worker restores instead of booting from scratch (see
web/scripts/make-snapshot.mjs). Making one needs Node; without Node a site simply
boots the normal way."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SNAPSHOT = "snapshot.bin.gz"
SCRIPT = "make-snapshot.mjs"
# Made snapshots are kept here, keyed by the wheel and the Pyodide build they belong to,
# so only the first build after a change pays the few seconds it takes.
CACHE = "snapshots"


def _key(wheel: Path, pyodide_dir: Path) -> str:
    digest = hashlib.sha256(wheel.read_bytes())
    digest.update((pyodide_dir / "pyodide.asm.mjs").read_bytes())
    return digest.hexdigest()[:24]


def _make(script: Path, pyodide_dir: Path, wheel: Path, target: Path) -> str | None:
    """Run the Node script; the reason it failed, or None."""
    node = shutil.which("node")
    if node is None:
        return "Node is not installed"
    try:
        subprocess.run(
            [node, str(script), str(pyodide_dir), str(wheel), str(target)],
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
    except subprocess.CalledProcessError as error:
        lines = (error.stderr or "").strip().splitlines()
        return lines[-1] if lines else f"exit code {error.returncode}"
    except subprocess.TimeoutExpired:
        return "it took over 5 minutes"
    return None


def add_snapshot(pyodide_dir: Path, wheel: Path, static_dir: Path) -> bool:
    """Put a snapshot matching `wheel` into the site's pyodide/ folder; False if none."""
    script = static_dir / SCRIPT
    if not script.is_file():
        return False
    cached = static_dir / CACHE / f"{_key(wheel, pyodide_dir)}.bin.gz"
    if not cached.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            made = Path(tmp) / SNAPSHOT
            reason = _make(script, pyodide_dir, wheel, made)
            if reason is not None:
                print(
                    f"lite: note: no memory snapshot ({reason}); the site boots normally",
                    file=sys.stderr,
                )
                return False
            try:
                cached.parent.mkdir(exist_ok=True)
                shutil.move(made, cached)
            except OSError:  # a read-only install: use it for this site only
                shutil.copyfile(made, pyodide_dir / SNAPSHOT)
                return True
    shutil.copyfile(cached, pyodide_dir / SNAPSHOT)
    return True
