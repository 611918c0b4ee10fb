"""The reference users would otherwise pick: the same app file on a real Gradio server.

Gradio is installed into its own venv (bench/.gradio-venv, made on first use), never into
ours. Every failure here becomes a reason string for the table, never an exception.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

VENV = Path(__file__).resolve().parent / ".gradio-venv"
# The Gradio that bench/ and the parity harness (tests/parity/) measure against: the API
# version lite follows. Change it here only.
GRADIO_VERSION = "6.31.0"
INSTALL_TIMEOUT_S = 900
START_TIMEOUT_S = 120
# No proxy, whatever the environment says: the server is on loopback.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Unavailable(Exception):
    """Gradio can't be used; the message says why, in one line."""


def _python() -> Path:
    return VENV / "bin" / "python"


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no output"


def installed_version() -> str | None:
    if not _python().is_file():
        return None
    check = subprocess.run(
        [_python(), "-c", "import gradio; print(gradio.__version__)"],
        capture_output=True,
        text=True,
    )
    return check.stdout.strip() if check.returncode == 0 else None


def ensure() -> str:
    """Make the venv and install the pinned Gradio if needed; returns Gradio's version."""
    version = installed_version()
    if version == GRADIO_VERSION:
        return version
    try:
        if not _python().is_file():
            subprocess.run(
                [sys.executable, "-m", "venv", "--clear", VENV],
                check=True,
                capture_output=True,
                text=True,
            )
        subprocess.run(
            [
                _python(),
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                f"gradio=={GRADIO_VERSION}",
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
        )
    except subprocess.CalledProcessError as error:
        raise Unavailable(f"pip install gradio failed: {_last_line(error.stderr)}") from None
    except subprocess.TimeoutExpired:
        raise Unavailable(f"pip install gradio took over {INSTALL_TIMEOUT_S} s") from None
    version = installed_version()
    if not version:
        raise Unavailable("gradio installed but does not import")
    return version


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class GradioServer:
    """`python app.py` in Gradio's venv, on 127.0.0.1 and a free port."""

    def __init__(self, app: Path, workdir: Path) -> None:
        # A copy of the app, so whatever Gradio writes next to it (.gradio/, flagged/)
        # lands in bench/out, not in examples/.
        workdir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(app, workdir / app.name)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {
            **os.environ,
            "GRADIO_SERVER_NAME": "127.0.0.1",
            "GRADIO_SERVER_PORT": str(self.port),
            "GRADIO_ANALYTICS_ENABLED": "False",
            "HF_HUB_OFFLINE": "1",
            "PYTHONUNBUFFERED": "1",
        }
        self.log = workdir / "server.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [_python(), app.name], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def wait(self) -> None:
        """Until the page answers; Unavailable if the server dies or never answers."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = _last_line(self.log.read_text(errors="replace"))
                raise Unavailable(f"server exited ({self.process.returncode}): {tail}")
            try:
                with _DIRECT.open(self.url, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.25)
        raise Unavailable(f"server did not answer within {START_TIMEOUT_S} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
