"""Gradio's side: run every case app on a real Gradio server and record its answers.

Runs with Gradio's venv (bench/.gradio-venv, pinned in bench/gradio_server.py), never
ours: `bench/.gradio-venv/bin/python tests/parity/gradio_side.py`. Each app runs in this
process with its function wrapped to record what it receives, serves on a free loopback
port, and gets each row over Gradio's HTTP API (`/gradio_api/call/<api_name>`, the
endpoint gradio_client calls, through the queue as the page's events go), in one
session. One JSON file per app goes
to tests/parity/recorded/."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import sys
import tempfile
import traceback
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import cases
import payload
import record

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gradio as gr  # noqa: E402 - after the environment above

_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def load(path: Path, calls: record.Calls) -> gr.Interface:
    """Run the app as __main__ with its Interface's fn recorded and launch() inert."""
    made: list[gr.Interface] = []
    original_init = gr.Interface.__init__
    original_launch = gr.Blocks.launch

    def init(self: gr.Interface, fn: Any, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        original_init(self, record.recording(fn, calls), *args, **kwargs)

    gr.Interface.__init__ = init  # type: ignore[method-assign]
    gr.Blocks.launch = lambda self, *a, **k: None  # type: ignore[method-assign]
    try:
        source = path.read_text(encoding="utf-8")
        exec(compile(source, str(path), "exec"), {"__name__": "__main__", "__file__": str(path)})
    finally:
        gr.Interface.__init__ = original_init  # type: ignore[method-assign]
        gr.Blocks.launch = original_launch  # type: ignore[method-assign]
    if not made:
        raise RuntimeError(f"{path} made no gr.Interface")
    return made[-1]


def _open(request: urllib.request.Request | str) -> Any:
    return _DIRECT.open(request, timeout=TIMEOUT_S)


def call(base: str, api_name: str, data: list[Any], session: str) -> tuple[bool, Any]:
    """One event through Gradio's queue, as its page sends it: (ok, data or error)."""
    body = json.dumps({"data": data, "session_hash": session}).encode()
    request = urllib.request.Request(
        f"{base}/gradio_api/call/{api_name}", body, {"Content-Type": "application/json"}
    )
    try:
        with _open(request) as response:
            event_id = json.loads(response.read())["event_id"]
    except urllib.error.HTTPError as error:  # refused before it ran (e.g. a validator)
        return False, {"error": error.read().decode(errors="replace")}
    event, last = None, None
    with _open(f"{base}/gradio_api/call/{api_name}/{event_id}") as stream:
        for raw in stream:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                event = line[len("event: ") :]
            elif line.startswith("data: ") and event in ("complete", "error"):
                last = (event == "complete", json.loads(line[len("data: ") :]))
    if last is None:
        return False, {"error": "no answer"}
    return last


def dump(value: Any) -> Any:
    """A postprocessed value as JSON data (Gradio's data models have model_dump)."""
    return value.model_dump() if hasattr(value, "model_dump") else value


def run_app(name: str, path: Path) -> dict[str, Any]:
    calls = record.Calls()
    answer: dict[str, Any] = {"app": name, "gradio": gr.__version__, "load_error": None}
    try:
        demo = load(path, calls)
    except Exception as exc:
        answer["load_error"] = type(exc).__name__
        answer["load_message"] = str(exc)
        return answer
    config = demo.get_config_file()
    props = {c["id"]: c.get("props", {}) for c in config["components"]}
    fn = next(f for f in demo.fns.values() if f.api_visibility == "public")
    answer["api_name"] = fn.api_name
    inputs = demo.input_components
    kinds = [c.get_block_name() for c in inputs]
    answer["inputs"] = [
        {"kind": k, "label": getattr(c, "label", None)} for k, c in zip(kinds, inputs, strict=True)
    ]
    outputs = demo.output_components
    shown = [i for i, c in enumerate(outputs) if not isinstance(c, gr.State)]
    answer["outputs"] = [outputs[i].get_block_name() for i in shown]

    default = [
        None if k == "state" else payload.gradio_initial(k, props[c._id].get("value"))
        for k, c in zip(kinds, inputs, strict=True)
    ]
    rows: list[dict[str, Any]] = [{"name": "default", "kind": "default", "wire": default}]
    handler = getattr(demo, "examples_handler", None)
    if handler is not None:
        for number, example in enumerate(handler.non_none_examples, 1):
            wire = list(default)
            processed = handler._get_processed_example(example)
            for component, value in zip(handler.inputs_with_examples, processed, strict=True):
                at = next(i for i, c in enumerate(inputs) if c is component)
                wire[at] = payload.gradio_after_clear(kinds[at], dump(value))  # as the page has it
            rows.append({"name": f"example {number}", "kind": "example", "wire": wire})
    for index, (kind, component) in enumerate(zip(kinds, inputs, strict=True)):
        for edge, value in cases.edges(kind, props[component._id]):
            wire = list(default)
            typed = kind in ("number", "slider")
            wire[index] = payload.typed_number(value) if typed else value
            rows.append(
                {
                    "name": f"input {index} ({kind}) {edge}",
                    "kind": "edge",
                    "index": index,
                    "value": value,
                    "typed": typed,
                    "wire": wire,
                }
            )

    # Last, the Clear button, then Submit: Clear gives each component its postprocess(None)
    # (gradio/components/clear_button.py) and resets session state.
    cleared = [
        payload.gradio_after_clear(k, dump(c.postprocess(None)))
        for k, c in zip(kinds, inputs, strict=True)
    ]
    rows.append({"name": "after Clear", "kind": "clear", "wire": cleared})
    answer["cleared_outputs"] = payload.pack(
        payload.js_value([dump(outputs[i].postprocess(None)) for i in shown])
    )
    reset = next(  # Clear's backend half: fresh copies of the State values
        (
            f
            for f in demo.fns.values()
            if f.fn
            and not f.inputs
            and f.outputs
            and all(isinstance(o, gr.State) for o in f.outputs)
        ),
        None,
    )

    port = free_port()
    demo.launch(
        prevent_thread_lock=True,
        server_name="127.0.0.1",
        server_port=port,
        quiet=True,
        show_error=True,
    )
    base = f"http://127.0.0.1:{port}"
    session = secrets.token_hex(8)
    try:
        for row in rows:
            if row["kind"] == "clear" and reset is not None:
                call(base, reset.api_name, [], session)
            calls.reset()
            row["wire"] = payload.js_value(row["wire"])  # as the page sends it
            ok, reply = call(base, fn.api_name, row["wire"], session)
            row["received"] = calls.received
            row["outcome"] = record.outcome(calls, ok)
            error = reply.get("error") if isinstance(reply, dict) else reply
            row["message"] = None if ok or calls.raised != "Error" else error
            data = reply if ok else None
            row["outputs"] = None if data is None else [data[i] for i in shown]
    finally:
        demo.close()
    for row in rows:
        for key in ("wire", "value", "outputs"):
            if key in row:
                # Outputs as the page gets them, after JSON and JS.
                row[key] = payload.pack(payload.files_by_name(payload.js_value(row[key])))
    answer["rows"] = rows
    return answer


def main(argv: list[str]) -> int:
    only = set(argv)
    cases.RECORDED.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, path in cases.apps().items():
            if only and name not in only:
                continue
            # A copy of the app's folder, run from inside it: its files are there, and
            # whatever Gradio or the app writes (.gradio/, flagged/, reports) lands in it.
            copy = Path(work) / name.replace("/", "__")
            shutil.copytree(path.parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
            os.chdir(copy)
            try:
                answer = run_app(name, copy / path.name)
            except Exception:
                traceback.print_exc()
                print(f"gradio side: {name} failed", file=sys.stderr)
                return 1
            out = cases.RECORDED / (name.replace("/", "__") + ".json")
            out.write_text(json.dumps(answer, indent=1, ensure_ascii=False) + "\n")
            print(f"gradio {gr.__version__}: {name}: {len(answer.get('rows', []))} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
