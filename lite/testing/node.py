"""engine="node": the app's real runtime (the site's Pyodide, wheel and snapshot, and
lite._browser) run by Node instead of a page, for predict-level tests without a browser.

There is no DOM, so only predict(), error(), shared_state() and reset_shared_state() are
offered. One runner is one tab: shared data lives in its memory. Python boots once per
runner; restart() runs the app again in it (fresh module values, session and shared
data) in milliseconds, so the plugin keeps one runner per app for the whole session.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
from pathlib import Path
from typing import IO, Any

from lite.state.candidates import label as shared_label
from lite.state.codec import decode
from lite.testing.components import Config, kind
from lite.testing.errors import BOOT_TIMEOUT_MS, EVENT_TIMEOUT_MS, AppBootError, AppError

RUNNER = Path(__file__).with_name("node_runner.mjs")


class NodeApp:
    """An app running in Node. predict() takes inputs by position or by label."""

    def __init__(self, site: Path) -> None:
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("engine='node' needs Node.js (the `node` command) on PATH")
        self.site = site
        self._node = node
        self._last_error: str | None = None
        self._next_id = 0
        self._launch()

    def _launch(self) -> None:
        self._process = subprocess.Popen(
            [self._node, str(RUNNER), str(self.site)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        assert self._process.stdout is not None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._log: list[str] = []
        self._pump = threading.Thread(
            target=_pump, args=(self._process.stdout, self._lines), daemon=True
        )
        self._pump.start()
        self._started(self._receive(("ready", "boot-error"), BOOT_TIMEOUT_MS))

    def restart(self) -> None:
        """Run the app again: the module's initial values, a new session, no shared data."""
        if self._process.poll() is not None:
            self._launch()
            return
        self._send({"type": "restart"})
        self._started(self._receive(("ready", "boot-error"), BOOT_TIMEOUT_MS))

    def _started(self, reply: dict[str, Any]) -> None:
        self._last_error = None
        if reply["type"] == "boot-error":
            self.close()
            error = reply["error"]
            detail = error.get("traceback") or f"{error['type']}: {error['message']}"
            raise AppBootError(f"the app failed to start in Node:\n{detail}")
        self.config: Config = reply["config"]

    def predict(self, *inputs: Any, **by_label: Any) -> list[Any]:
        """The function's outputs for these inputs, converted like LitePage.output()."""
        self._next_id += 1
        self._send({"type": "event", "id": self._next_id, "data": self._inputs(inputs, by_label)})
        result = self._receive(("result",), EVENT_TIMEOUT_MS)
        if not result["ok"]:
            self._last_error = _message(self.config, result)
            raise AppError(self._last_error)
        self._last_error = None
        outputs = zip(self.config["outputs"], result["data"], strict=True)
        return [kind(c).read(v, c) for c, v in outputs]

    def error(self) -> str | None:
        """The last predict()'s error, as LitePage.error() words it; None if it succeeded."""
        return self._last_error

    def shared_state(self) -> dict[str, Any]:
        """The app's shared module-level data: {name: value}, decoded."""
        values = json.loads(self._shared_data("export")["data"])["values"]
        return {shared_label(key): decode(json.dumps(tree)) for key, tree in sorted(values.items())}

    def reset_shared_state(self) -> None:
        """Put the shared data back to the module's initial values."""
        self._shared_data("reset")

    def _shared_data(self, action: str) -> dict[str, Any]:
        self._next_id += 1
        self._send({"type": "shared-data", "id": self._next_id, "action": action, "data": None})
        reply = self._receive(("shared-data-result",), EVENT_TIMEOUT_MS)
        if not reply["ok"]:
            raise AppError(reply["message"])
        return reply

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._pump.join(timeout=5)  # it ends at the pipe's end; then the pipe can close
        for pipe in (self._process.stdin, self._process.stdout):
            if pipe is not None:
                pipe.close()

    # ---- helpers ----

    def _inputs(self, inputs: tuple[Any, ...], by_label: dict[str, Any]) -> list[Any]:
        components = self.config["inputs"]
        labels = [c["label"] for c in components]
        if not by_label:
            if len(inputs) != len(components):
                raise TypeError(f"the app takes {len(components)} inputs ({labels}), got {inputs}")
            return list(inputs)
        unknown = [name for name in by_label if name not in labels]
        if unknown or inputs:
            raise TypeError(f"no input labelled {unknown or inputs}; the inputs are: {labels}")
        return [by_label.get(c["label"], c["value"]) for c in components]

    def _send(self, message: dict[str, Any]) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(message) + "\n")
        self._process.stdin.flush()

    def _receive(self, types: tuple[str, ...], timeout_ms: int) -> dict[str, Any]:
        while True:
            try:
                line = self._lines.get(timeout=timeout_ms / 1000)
            except queue.Empty:
                raise TimeoutError(f"Node gave no {'/'.join(types)} in {timeout_ms} ms") from None
            if line is None:
                log = "\n".join(self._log[-40:]) or "(nothing)"
                raise AppBootError(f"the Node runner stopped; its output:\n{log}")
            message: dict[str, Any] = json.loads(line)
            if message["type"] in types:
                return message
            if message["type"] in ("log", "notice"):
                self._log.append(str(message.get("text")))


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def _message(config: Config, result: dict[str, Any]) -> str:
    error = result.get("error")
    if error is not None:
        kind_ = error.get("kind")
        return str(error["message"]) if kind_ == "error" else f"{error['type']}: {error['message']}"
    labels = [c["label"] for c in config["inputs"]]
    return "\n".join(f"{labels[e['index']]}: {e['message']}" for e in result["input_errors"])
