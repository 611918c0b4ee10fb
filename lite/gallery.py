"""`lite gallery`: every example app in one site, sharing one copy of the runtime.

Each app page loads ../lite.js, so the browser downloads Pyodide once for the whole
gallery instead of once per app.
"""

from __future__ import annotations

import ast
import html
from pathlib import Path

from lite import site
from lite.offline import write_service_worker
from lite.site import BuildError, check_app, page_head, write_app, write_assets


def summary(app: Path) -> str:
    """The first line of the app's module docstring, or ""."""
    try:
        doc = ast.get_docstring(ast.parse(app.read_bytes()))
    except (SyntaxError, ValueError):
        return ""
    return doc.strip().splitlines()[0] if doc and doc.strip() else ""


def index_html(entries: list[tuple[str, str]]) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(name)}/">{html.escape(name)}</a>'
        + (f" &mdash; {html.escape(text)}" if text else "")
        + "</li>"
        for name, text in entries
    )
    style = """<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; }
  main { max-width: 44rem; margin: 0 auto; padding: 2rem 1rem; }
  ul { list-style: none; padding: 0; }
  li { padding: 0.75rem 0; border-bottom: 1px solid #8884; }
  a { color: #ea580c; font-weight: 600; }
</style>"""
    return (
        page_head("lite examples", style)
        + f"""<body>
<main>
<h1>lite examples</h1>
<p>Gradio apps running entirely in your browser, on Pyodide.</p>
<ul>
{items}
</ul>
</main>
</body>
</html>
"""
    )


def build_gallery(examples_dir: Path, out: Path, *, static_dir: Path | None = None) -> list[str]:
    """Build examples_dir/*/app.py into out/<name>/ and an index; returns the app names."""
    if not examples_dir.is_dir():
        raise BuildError(f"{examples_dir}: not a folder")
    apps = sorted(p for p in examples_dir.glob("*/app.py") if not p.parent.name.startswith("."))
    if not apps:
        raise BuildError(f"{examples_dir}: no */app.py found")
    for app in apps:
        check_app(app)  # report a broken example before spending time on the others
    out.mkdir(parents=True, exist_ok=True)
    write_assets(out, static_dir)
    entries = []
    for app in apps:
        name = app.parent.name
        (out / name).mkdir(exist_ok=True)
        write_app(app, out / name, assets="../", offline=True, pyodide_dir=out / "pyodide")
        entries.append((name, summary(app)))
    (out / "index.html").write_text(index_html(entries), "utf-8")
    # One service worker at the top serves every app: they share the runtime.
    write_service_worker(out, static_dir or site.STATIC_DIR)
    return [name for name, _ in entries]
