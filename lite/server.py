"""A local static server for built sites: `lite serve`, `lite gallery --serve` and the tests.

Browsers are strict about a few MIME types (a module worker must be JavaScript, and
WebAssembly streaming compilation needs application/wasm), so they are set here
rather than left to the host's mimetypes database.
"""

from __future__ import annotations

import os
import signal
import socketserver
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from lite.site import BuildError, check_app, write_app, write_assets

MIME_TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".map": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".py": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
ISOLATION_HEADERS = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "credentialless",
}
# The page polls this path in `lite serve` and reloads when the answer changes.
BUILD_PATH = "/__build"
RELOAD_SCRIPT = (
    '\n<script>(()=>{let b;setInterval(()=>fetch("/__build",{cache:"no-store"})'
    ".then(r=>r.text()).then(t=>{if(b&&t!==b)location.reload();b=t},()=>{}),1000)})()"
    "</script>"
)


class SiteServer(ThreadingHTTPServer):
    """Serves `root`; `root` and `build_id` may change while it runs."""

    def __init__(
        self, address: tuple[str, int], root: Path, *, log: bool = False, isolated: bool = False
    ) -> None:
        self.root = root
        self.build_id: str | None = None
        self.log = log
        self.isolated = isolated
        super().__init__(address, SiteHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that navigates away mid-download is not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host if isinstance(host, str) else host.decode()}:{port}/"


class SiteHandler(SimpleHTTPRequestHandler):
    server: SiteServer

    def __init__(self, request: Any, client_address: Any, server: socketserver.BaseServer):
        assert isinstance(server, SiteServer)
        super().__init__(request, client_address, server, directory=str(server.root))

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return MIME_TYPES.get(Path(path).suffix.lower()) or super().guess_type(path)

    def end_headers(self) -> None:
        # Always revalidate: a rebuilt site must never run a stale bundle or wheel.
        self.send_header("Cache-Control", "no-cache")
        if self.server.isolated:
            # Cross-origin isolation gives the page SharedArrayBuffer, so Stop can interrupt
            # Python without restarting it. "credentialless" still lets an app's Markdown
            # show images from other sites.
            for name, value in ISOLATION_HEADERS.items():
                self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        if self.path.split("?")[0] == BUILD_PATH and self.server.build_id is not None:
            body = self.server.build_id.encode()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if self.server.log and str(int(code) if isinstance(code, int) else code)[:1] in "45":
            super().log_request(code, size)

    def log_error(self, format: str, *args: Any) -> None:
        pass  # log_request reports the failed request once


def start(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    log: bool = False,
    isolated: bool = False,
) -> SiteServer:
    """Serve root from a background thread; port 0 picks a free port. `isolated` sends
    the COOP/COEP headers that make pages cross-origin isolated."""
    try:
        server = SiteServer((host, port), root, log=log, isolated=isolated)
    except OSError as error:
        raise BuildError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    threading.Thread(target=server.serve_forever, name="lite-server", daemon=True).start()
    return server


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _wait(server: SiteServer, tick: Callable[[], None] | None = None) -> None:
    """Run until Ctrl-C (or SIGTERM), calling tick twice a second."""
    # A terminated server should clean up like an interrupted one (its temp folder). And
    # Ctrl-C must stop it even when started from a script's background job, which
    # inherits SIGINT ignored (Python then leaves it ignored).
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        while True:
            time.sleep(0.5)
            if tick is not None:
                tick()
    except KeyboardInterrupt:
        print("\nStopped.", flush=True)
    finally:
        server.shutdown()
        server.server_close()


def serve_dir(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    server = start(root, host, port, log=True, isolated=True)
    print(f"Serving {root} at {server.url}  (Ctrl-C to stop)", flush=True)
    _wait(server)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file an app build could read."""
    state = {}
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).parts
        if any(p.startswith(".") or p in ("__pycache__", "node_modules") for p in rel):
            continue
        try:
            stat = path.stat()
        except OSError:
            continue  # deleted between listing and stat: the next poll sees it
        if path.is_file():
            state["/".join(rel)] = (stat.st_mtime_ns, stat.st_size)
    return state


def serve_app(
    app: Path,
    out: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    static_dir: Path | None = None,
) -> None:
    """`lite serve`: build into out, serve it, and rebuild the app part on every save."""
    check_app(app)
    write_assets(out, static_dir)  # the runtime does not change while serving; built once
    write_app(app, out, head=RELOAD_SCRIPT)
    server = start(out, host, port, log=True, isolated=True)
    server.build_id = str(time.time_ns())
    print(f"Serving {app} at {server.url}  (Ctrl-C to stop)", flush=True)
    folder = app.resolve().parent
    seen = snapshot(folder)

    def rebuild_on_change() -> None:
        nonlocal seen
        now = snapshot(folder)
        if now == seen:
            return
        seen = now
        try:
            write_app(app, out, head=RELOAD_SCRIPT)
        except BuildError as error:
            print(f"lite: error: {error}", file=sys.stderr, flush=True)
            return
        server.build_id = str(time.time_ns())
        print(f"Rebuilt {app.name}; reloading the page.", flush=True)

    _wait(server, rebuild_on_change)
