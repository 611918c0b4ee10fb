"""Figures 5 and 6: the bytes of a first load, by part, and the memory of one app tab."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import CDPSession, Page, Request

from .boot import visit
from .harness import EXAMPLES, Harness
from .pages import BARE_PAGE, BOOT_SCRIPT, WASM_MEMORY, WASM_MEMORY_HOOK
from .report import Results

Log = Callable[[str], None]
CORE = {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"}
PARTS = (
    "Pyodide core",
    "Pyodide snapshot",
    "our JS/CSS",
    "our wheel",
    "other wheels",
    "the app",
    "lock",
    "other",
)


def part(path: str) -> str:
    """Which part of a site a file (path relative to the site) belongs to."""
    name = path.rsplit("/", 1)[-1]
    if path.startswith("pyodide/"):
        if name in CORE:
            return "Pyodide core"
        if "snapshot" in name:
            return "Pyodide snapshot"
        if name.startswith("lite-") and name.endswith(".whl"):
            return "our wheel"
        if name.endswith(".whl"):
            return "other wheels"
        if name.endswith("lock.json"):
            return "lock"
        return "other"
    if path in ("", "index.html", "app.json") or path.startswith("app/"):
        return "the app"
    if "/" not in path and name.endswith((".js", ".css")) and not name.startswith("bare"):
        return "our JS/CSS"
    if path.startswith("chunks/"):
        return "our JS/CSS"  # a lazy component's chunk: fetched only by apps that use it
    return "other"


def fetched_files(requests: list[Request], site_url: str) -> dict[str, int]:
    """Path (relative to the site) -> bytes the browser received for it."""
    files: dict[str, int] = {}
    for request in requests:
        if not request.url.startswith(site_url):
            continue
        path = urlsplit(request.url).path[len(urlsplit(site_url).path) :]
        size = request.sizes()["responseBodySize"]
        response = request.response()
        if not size and response is not None:
            # A worker's own script reports no body size; its Content-Length is the same.
            size = int(response.headers.get("content-length", 0))
        files[path] = files.get(path, 0) + size
    return files


def by_part(site: Path, files: dict[str, int]) -> dict[str, dict[str, Any]]:
    parts: dict[str, dict[str, Any]] = {}
    for path, fetched in sorted(files.items()):
        disk = site / (path or "index.html")
        data = disk.read_bytes() if disk.is_file() else b""
        entry = parts.setdefault(part(path), {"files": [], "raw": 0, "gzip": 0, "fetched": 0})
        entry["files"].append(path or "index.html")
        entry["raw"] += len(data)
        entry["gzip"] += len(gzip.compress(data, 6))
        entry["fetched"] += fetched
    return {name: parts[name] for name in PARTS if name in parts}


def component_chunks(site: Path) -> dict[str, int]:
    """Gzipped bytes of each lazy component chunk (esbuild names them after the module,
    e.g. chunks/code-HASH.js); shared chunks are named "chunk"."""
    sizes: dict[str, int] = {}
    for path in sorted((site / "chunks").glob("*.js")):
        name = path.name.rsplit("-", 1)[0]
        sizes[name] = sizes.get(name, 0) + len(gzip.compress(path.read_bytes(), 6))
    return sizes


def first_load(h: Harness, url: str) -> tuple[dict[str, int], Page, Any]:
    """A cold visit that ends at the first answered event; the page stays open."""
    context = h.context()
    context.add_init_script(BOOT_SCRIPT)
    finished: list[Request] = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.on("worker", lambda worker: worker.evaluate(WASM_MEMORY_HOOK))
    visit(page, url)
    return fetched_files(finished, url.rsplit("/", 1)[0] + "/"), page, context


def measure(h: Harness, results: Results, log: Log) -> None:
    url = h.site("hello_world", EXAMPLES / "hello_world" / "app.py")
    site = h.sites / "hello_world"
    bare_files, _, bare_context = first_load(h, url + BARE_PAGE)
    bare_context.close()
    app_files, page, context = first_load(h, url)
    # A snapshot boot never fetches the wheel (the snapshot holds it); count it anyway,
    # as fetched 0 bytes, since it is our code that a normal boot downloads.
    wheels = [p.relative_to(site).as_posix() for p in (site / "pyodide").glob("lite-*.whl")]
    parts = by_part(site, {path: 0 for path in wheels} | app_files)
    bare_parts = by_part(site, bare_files)
    core_gz = parts.get("Pyodide core", {}).get("gzip", 0)
    total_gz = sum(p["gzip"] for p in parts.values())
    snapshot_gz = parts.get("Pyodide snapshot", {}).get("gzip", 0)
    ours_gz = sum(parts.get(name, {}).get("gzip", 0) for name in ("our JS/CSS", "our wheel"))
    results.bytes = {
        "parts": parts,
        "bare_parts": bare_parts,
        "total_raw": sum(p["raw"] for p in parts.values()),
        "total_gzip": total_gz,
        "total_fetched": sum(p["fetched"] for p in parts.values()),
        "ours_gzip": ours_gz,
        "core_gzip": core_gz,
        "notes": [
            f"our own bytes (JS/CSS + wheel), gzipped: {ours_gz / 1e3:.1f} kB",
            f"whole first load gzipped: {total_gz / 1e6:.2f} MB"
            f" = {total_gz / core_gz:.2f}x the Pyodide core's {core_gz / 1e6:.2f} MB"
            + (
                f"; without the snapshot part {(total_gz - snapshot_gz) / core_gz:.2f}x"
                if snapshot_gz
                else " (no snapshot shipped)"
            ),
            "bare page fetched: "
            + ", ".join(f"{n} {p['fetched'] / 1e3:,.1f} kB" for n, p in bare_parts.items()),
        ],
    }
    results.bytes["component_chunks"] = component_chunks(site)
    results.bytes["notes"].append(
        "lazy component chunks, gzipped (only apps using them fetch them): "
        + (
            ", ".join(f"{n} {b / 1e3:.1f} kB" for n, b in results.bytes["component_chunks"].items())
            or "none"
        )
    )
    results.memory = memory(context.new_cdp_session(page), page)
    context.close()
    log("  bytes and memory: done")


def memory(cdp: CDPSession, page: Page) -> dict[str, Any]:
    """The page's JS heap, the worker's JS heap (both over CDP), and the worker's wasm
    memory, read from the WebAssembly.Memory objects WASM_MEMORY_HOOK kept.

    (CDP's Runtime.queryObjects would find them without a hook, but it crashes a tab
    holding Pyodide; getHeapUsage's backingStorageSize leaves wasm memory out.)"""
    found: dict[str, Any] = {}
    page_heap = cdp.send("Runtime.getHeapUsage")
    found["page JS heap used"] = page_heap["usedSize"]
    found["page JS heap total"] = page_heap["totalSize"]
    try:
        worker = _worker_call(cdp, page, "Runtime.getHeapUsage")
        found["worker JS heap used"] = worker["usedSize"]
        found["worker JS heap total"] = worker["totalSize"]
    except (RuntimeError, KeyError) as error:
        found["worker JS heap"] = f"n/a: {error}"
    workers = page.workers
    memories = workers[0].evaluate(WASM_MEMORY) if workers else []
    if memories:
        found["worker wasm memory"] = sum(memories)
    else:
        found["worker wasm memory"] = "n/a: the hook saw no WebAssembly.Memory"
    return found


def _worker_call(cdp: CDPSession, page: Page, method: str) -> dict[str, Any]:
    """One CDP call in the page's worker, through the page's session (non-flat attach)."""
    events: list[tuple[str, dict[str, Any]]] = []
    cdp.on("Target.attachedToTarget", lambda e: events.append(("attached", e)))
    cdp.on("Target.receivedMessageFromTarget", lambda e: events.append(("message", e)))
    cdp.send(
        "Target.setAutoAttach",
        {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False},
    )
    session = _wait_for(page, events, lambda kind, e: kind == "attached" and _is_worker(e))
    message = json.dumps({"id": 1, "method": method, "params": {}})
    cdp.send("Target.sendMessageToTarget", {"sessionId": session["sessionId"], "message": message})
    reply = _wait_for(
        page,
        events,
        lambda kind, e: kind == "message" and json.loads(e["message"]).get("id") == 1,
    )
    return dict(json.loads(reply["message"])["result"])


def _is_worker(event: dict[str, Any]) -> bool:
    return bool(event["targetInfo"]["type"] == "worker")


def _wait_for(
    page: Page,
    events: list[tuple[str, dict[str, Any]]],
    match: Callable[[str, dict[str, Any]], bool],
) -> dict[str, Any]:
    for _ in range(500):  # CDP events arrive while Playwright waits
        for kind, event in events:
            if match(kind, event):
                return event
        page.wait_for_timeout(10)
    raise RuntimeError("the worker did not answer over CDP")
