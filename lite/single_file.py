"""`lite build APP --single-file demo.html`: the whole app in one HTML file.

It runs when opened from disk (file://), with no server and no network: the files a built
site would serve are inside the page, gzip-compressed and base64-encoded, and the page
inflates them with DecompressionStream (web/src/single-boot.ts). The memory snapshot is
left out (6 MB more for two seconds of boot); so are Pyodide's loader files, which are
bundled into the worker (web/src/single-worker.ts).
"""

from __future__ import annotations

import base64
import gzip
import json
import tempfile
from pathlib import Path

from lite import site
from lite.site import SINGLE_FILE_ONLY, BuildError, build_site, page_head

# Built by web/build.mjs beside lite.js; not part of a site.
PAGE, WORKER, BOOT = SINGLE_FILE_ONLY


def packed(data: bytes) -> str:
    # mtime=0: the same app gives the same file.
    return base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")


def site_files(out: Path) -> dict[str, bytes]:
    """What the page needs from a built site, by the path the page fetches it at."""
    files: dict[str, bytes] = {"app.json": (out / "app.json").read_bytes()}
    manifest = json.loads(files["app.json"])
    for name in manifest["files"]:
        files[f"app/{name}"] = (out / "app" / name).read_bytes()
    pyodide = out / "pyodide"
    for path in sorted(pyodide.iterdir()):
        if path.suffix == ".whl" or path.name in (
            "pyodide.asm.wasm",
            "python_stdlib.zip",
            "pyodide-lock.json",
        ):
            files[f"pyodide/{path.name}"] = path.read_bytes()
    return files


def single_html(out: Path, static_dir: Path) -> str:
    missing = [name for name in SINGLE_FILE_ONLY if not (static_dir / name).is_file()]
    if missing:
        raise BuildError(f"{static_dir} lacks {', '.join(missing)}; run `make setup`")
    files = site_files(out)
    files["lite.js"] = (static_dir / PAGE).read_bytes()
    files["worker.js"] = (static_dir / WORKER).read_bytes()
    manifest = json.loads(files["app.json"])
    title = (manifest.get("config") or {}).get("title") or "lite app"
    data = json.dumps({path: packed(content) for path, content in files.items()})
    css = (out / "lite.css").read_text("utf-8")
    boot = (static_dir / BOOT).read_text("utf-8")
    style = f"<style>body {{ margin: 0; }}\n{_inline(css)}</style>"
    return (
        page_head(title, style)
        + '<body>\n<gradio-lite manifest="app.json"></gradio-lite>\n'
        + f'<script type="application/json" id="lite-files">{_inline(data)}</script>\n'
        + f"<script>{_inline(boot)}</script>\n</body>\n</html>\n"
    )


def _inline(text: str) -> str:
    """Text for inside <script> or <style>, where only "</" could end the element early."""
    return text.replace("</", "<\\/")


def build_single_file(
    app: Path,
    target: Path,
    *,
    include: list[str] | tuple[str, ...] = (),
    exclude: list[str] | tuple[str, ...] = (),
    pyodide_packages: str | None = None,
) -> int:
    """Write target; returns its size in bytes."""
    with tempfile.TemporaryDirectory(prefix="lite-single-") as tmp:
        out = Path(tmp) / "site"
        build_site(
            app,
            out,
            snapshot=False,
            include=include,
            exclude=exclude,
            pyodide_packages=pyodide_packages,
        )
        html = single_html(out, site.STATIC_DIR)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, "utf-8")
    return target.stat().st_size
