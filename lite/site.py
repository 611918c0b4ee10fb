"""Build the static site that runs one app in the browser (the layout is in DESIGN.md).

The site is plain files: any static server, or none at all beyond `python -m http.server`,
can host it, and it never reaches the network.
"""

from __future__ import annotations

import ast
import hashlib
import html
import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

from lite.offline import SW, THEME_COLOR, WEB_MANIFEST, write_service_worker, write_web_manifest
from lite.prerender import run_on_host
from lite.requirements import RequirementError, canonical, read_lines, resolve
from lite.shipping import ConfigError, Shipment, select
from lite.snapshot import CACHE, SCRIPT, SNAPSHOT, add_snapshot
from lite.state.namespace import app_namespace
from lite.wheel import PACKAGE_DIR, build_wheel

STATIC_DIR = PACKAGE_DIR / "static"
# What `npm run build` and `make setup` must have put into lite/static/.
REQUIRED_STATIC = (
    "lite.js",
    "lite.css",
    "worker.js",
    "sw.js",
    "pyodide/pyodide.mjs",
    "pyodide/pyodide.asm.mjs",
    "pyodide/pyodide.asm.wasm",
    "pyodide/python_stdlib.zip",
)
# Pyodide's own lock, copied by `make setup`; only its info block is kept, since it
# describes the runtime. Its package list is for wheels we do not ship.
UPSTREAM_LOCK = "pyodide-lock.upstream.json"
LOCK = "pyodide-lock.json"
# App files this big are loaded after the app is ready, unless it reads them as it starts.
LAZY_SIZE = 1_000_000
# Built for `lite build --single-file` (lite/single_file.py), not served by a site.
SINGLE_FILE_ONLY = ("lite-single.js", "worker-single.js", "boot-single.js")


class BuildError(Exception):
    """A problem the user can fix, reported as one line without a traceback."""


def warn(message: str) -> None:
    print(f"lite: warning: {message}", file=sys.stderr)


def _note(message: str) -> None:
    print(f"lite: note: {message}", file=sys.stderr)


def check_app(app: Path) -> None:
    """Fail early, with the line number, on an entry file that cannot run at all."""
    if not app.exists():
        raise BuildError(f"{app}: no such file")
    if not app.is_file():
        raise BuildError(f"{app}: not a file")
    try:
        ast.parse(app.read_bytes(), filename=str(app))
    except SyntaxError as error:
        raise BuildError(f"{app}: invalid syntax at line {error.lineno}: {error.msg}") from None
    except ValueError as error:  # null bytes in the source
        raise BuildError(f"{app}: not Python source: {error}") from None


def missing_static(static_dir: Path) -> list[str]:
    """The files of lite/static/ a build needs that are not there; [] once it is built."""
    needed = [*REQUIRED_STATIC, f"pyodide/{UPSTREAM_LOCK}"]
    return [name for name in needed if not (static_dir / name).is_file()]


def check_static(static_dir: Path) -> None:
    missing = missing_static(static_dir)
    if missing:
        raise BuildError(
            f"the front end is not built ({static_dir} lacks {', '.join(missing)}); "
            "run `make setup` in the lite source checkout"
        )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _wheel_spec(wheel: Path, vendored: set[str]) -> dict[str, object]:
    """One lock entry, read from the wheel itself so any vendored wheel describes itself.
    Names are canonical (PEP 503), as in Pyodide's own lock."""
    name, ver = wheel.name.split("-")[:2]
    depends: list[str] = []
    imports = [name.replace("-", "_")]
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            if member.endswith(".dist-info/METADATA"):
                for line in archive.read(member).decode("utf-8").splitlines():
                    # Dependencies of extras are not installed; others the build shipped are.
                    if line.startswith("Requires-Dist:") and "extra ==" not in line:
                        match = re.match(r"[A-Za-z0-9._-]+", line.split(":", 1)[1].strip())
                        if match and canonical(match[0]) in vendored:
                            depends.append(canonical(match[0]))
            elif member.endswith(".dist-info/top_level.txt"):
                imports = archive.read(member).decode("utf-8").split()
    return {
        "name": name,
        "version": ver,
        "file_name": wheel.name,
        "install_dir": "site",
        "sha256": _sha256(wheel),
        "package_type": "package",
        "imports": imports,
        "depends": depends,
        "unvendored_tests": False,
    }


def write_lock(pyodide_dir: Path, upstream: Path) -> dict[str, object]:
    """Write pyodide-lock.json listing exactly the wheels in pyodide_dir, with their hashes."""
    info = json.loads(upstream.read_text("utf-8"))["info"]
    wheels = sorted(pyodide_dir.glob("*.whl"))
    names = {canonical(wheel.name.split("-")[0]) for wheel in wheels}
    packages = {}
    for wheel in wheels:
        spec = _wheel_spec(wheel, names)
        packages[canonical(str(spec["name"]))] = spec
    lock: dict[str, object] = {"info": info, "packages": packages}
    (pyodide_dir / LOCK).write_text(json.dumps(lock, indent=2) + "\n", "utf-8")
    return lock


def write_assets(out: Path, static_dir: Path | None = None, *, snapshot: bool = True) -> None:
    """Copy the front end and Pyodide into out, add the runtime wheel and write the lock."""
    static_dir = static_dir or STATIC_DIR
    check_static(static_dir)
    # Chunk names change with their content: a rebuilt site must not keep the old ones.
    shutil.rmtree(out / "chunks", ignore_errors=True)
    for source in sorted(static_dir.rglob("*")):
        rel = source.relative_to(static_dir)
        if source.is_dir() or any(p.startswith(".") or p == "__pycache__" for p in rel.parts):
            continue
        if rel.name in (UPSTREAM_LOCK, LOCK, SCRIPT, SW, *SINGLE_FILE_ONLY):
            continue
        if rel.name.endswith(".d.ts"):
            continue
        if rel.parts[0] == CACHE:
            continue
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    # The wheels of an earlier build's requirements must not linger in the site.
    kept = {p.name for p in (static_dir / "pyodide").glob("*.whl")}
    for stale in (out / "pyodide").glob("*.whl"):
        if stale.name not in kept:
            stale.unlink()
    wheel = build_wheel(out / "pyodide")
    write_lock(out / "pyodide", static_dir / "pyodide" / UPSTREAM_LOCK)
    (out / "pyodide" / SNAPSHOT).unlink(missing_ok=True)
    if snapshot:
        add_snapshot(out / "pyodide", wheel, static_dir)


def read_requirements(path: Path) -> list[str]:
    """requirements.txt lines for micropip; pip options have no meaning there."""
    requirements = []
    for raw in path.read_text("utf-8").splitlines():
        line = raw.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            warn(f"{path.name}: ignoring option line {line!r}")
            continue
        requirements.append(line)
    return requirements


def select_files(
    app: Path,
    *,
    include: list[str] | tuple[str, ...] = (),
    exclude: list[str] | tuple[str, ...] = (),
    out: Path | None = None,
) -> Shipment:
    """The app's files to ship (lite/shipping.py has the rules), saying what it warns of."""
    try:
        shipment = select(app.resolve().parent, app.name, include=include, exclude=exclude, out=out)
    except ConfigError as error:
        raise BuildError(str(error)) from None
    for message in shipment.warnings:
        warn(message)
    for message in shipment.notes:
        _note(message)
    return shipment


def lazy_files(shipment: Shipment, reads: set[str] | None) -> list[str]:
    """The big files to load after the app is ready: those the app did not read (nor
    list the folder of) when it started on the host. If it could not start there, none:
    booting slower beats failing."""
    big = [
        name
        for name, size in shipment.files.items()
        # Modules may be imported from a cached .pyc without being opened; wheels
        # install before the app starts.
        if size >= LAZY_SIZE and not name.endswith((".py", ".whl"))
    ]
    if reads is None:
        if big:
            _note(f"{', '.join(big)} load at boot: the app could not start on this machine")
        return []
    return [name for name in big if name not in reads and name.rpartition("/")[0] not in reads]


def page_head(title: str, extra: str = "") -> str:
    """The start of every page lite writes, up to the end of its <head>."""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>{html.escape(title)}</title>
{extra}
</head>
"""


def page_html(title: str, *, assets: str = "", head: str = "", offline: bool = False) -> str:
    """The app's page; `offline`: it registers the site's service worker and is installable."""
    if offline:
        head = (
            f'\n<link rel="manifest" href="{WEB_MANIFEST}">'
            f'\n<meta name="theme-color" content="{THEME_COLOR}">{head}'
        )
    scripts = (
        "<style>body { margin: 0; }</style>\n"
        f'<link rel="stylesheet" href="{assets}lite.css">\n'
        f'<script type="module" src="{assets}lite.js"></script>{head}'
    )
    return (
        page_head(title, scripts)
        + f"""<body>
<noscript>{html.escape(title)} is a Python app that runs in your browser: \
please enable JavaScript.</noscript>
<gradio-lite manifest="app.json"{" offline" if offline else ""}></gradio-lite>
</body>
</html>
"""
    )


def write_app(
    app: Path,
    out: Path,
    *,
    state_key: str | None = None,
    assets: str = "",
    head: str = "",
    include: list[str] | tuple[str, ...] = (),
    exclude: list[str] | tuple[str, ...] = (),
    offline: bool = False,
    pyodide_dir: Path | None = None,
    pyodide_packages: str | None = None,
) -> dict[str, object]:
    """Write app/, app.json and index.html; the assets are expected at `assets` (a URL prefix).
    `offline`: the page registers the service worker that write_service_worker() writes.
    `pyodide_dir`: the site's pyodide/ folder; the requirements' wheels go there, resolved
    now (lite/requirements.py); without it the page installs them with micropip."""
    check_app(app)
    app_dir = app.resolve().parent
    out = out.resolve()
    if out == app_dir:
        raise BuildError(f"{out}: the output folder must not be the app's own folder")
    shipment = select_files(app, include=include, exclude=exclude, out=out)
    files = list(shipment.files)
    requirements_txt = app_dir / "requirements.txt"
    if pyodide_dir is not None and requirements_txt.is_file():
        lines = read_lines(requirements_txt)
        lock_out = out / "requirements.lock"
        requirements = _resolve(app_dir, lines, pyodide_dir, pyodide_packages, lock_out)
    else:
        requirements = read_requirements(requirements_txt) if requirements_txt.is_file() else []

    target = out / "app"
    if target.exists():
        shutil.rmtree(target)  # files deleted from the app must not linger in the site
    for name in files:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(app_dir / name, target / name)
    run = run_on_host(app)
    if run is not None:
        check_component_packages(run.packages, requirements)
    config = run.config if run is not None else None
    manifest: dict[str, object] = {
        "entry": app.name,
        "files": files,
        # Loaded after the app is ready; events wait for them (web/src/lazy.ts).
        "lazy_files": lazy_files(shipment, run.reads if run is not None else None),
        "requirements": requirements,
        "state_key": state_key,
        "config": config,
        # The app's shared-data namespace, hashed here so no tab reads every file at boot.
        "state_namespace": app_namespace(app_dir, files, app.name),
    }
    (out / "app.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    title = (config or {}).get("title") or app_dir.name
    if offline:
        write_web_manifest(out, config, title)
    page = page_html(title, assets=assets, head=head, offline=offline)
    (out / "index.html").write_text(page, "utf-8")
    return manifest


def check_component_packages(needed: dict[str, list[str]], shipped: list[str]) -> None:
    """Fail early when an input's type= needs numpy, pandas or Pillow and the site does not
    ship it (Pyodide 314 has no such wheel unless the build vendors one): the error names
    the component, the package, and both fixes."""
    have = {canonical(name) for name in shipped}
    for component, packages in needed.items():
        missing = [p for p in packages if canonical(p) not in have]
        if missing:
            names = " and ".join(missing)
            raise BuildError(
                f"{component} needs {names} in the browser, and this site does not ship it. "
                f"Either give it a type= that needs no package (type='filepath' for media, "
                f"type='array' for a Dataframe), or add {names} to requirements.txt and "
                f"build with --pyodide-packages URL (a Pyodide package index; its wheels are "
                f"copied into the site)."
            )


def _resolve(
    app_dir: Path,
    lines: list[str],
    pyodide_dir: Path,
    pyodide_packages: str | None,
    lock_out: Path,
) -> list[str]:
    """The requirements' wheels into pyodide_dir and its lock; the names the page loads."""
    upstream = STATIC_DIR / "pyodide" / UPSTREAM_LOCK
    try:
        names = resolve(app_dir, lines, pyodide_dir, upstream, pyodide_packages, lock_out)
    except RequirementError as error:
        raise BuildError(str(error)) from None
    write_lock(pyodide_dir, upstream)
    return names


def build_site(
    app: Path,
    out: Path,
    *,
    state_key: str | None = None,
    static_dir: Path | None = None,
    snapshot: bool = True,
    include: list[str] | tuple[str, ...] = (),
    exclude: list[str] | tuple[str, ...] = (),
    pyodide_packages: str | None = None,
) -> Path:
    """`lite build`: a self-contained site for one app."""
    check_app(app)  # before copying anything, so a typo costs nothing
    out.mkdir(parents=True, exist_ok=True)
    write_assets(out, static_dir, snapshot=snapshot)
    write_app(
        app,
        out,
        state_key=state_key,
        include=include,
        exclude=exclude,
        offline=True,
        pyodide_dir=out / "pyodide",
        pyodide_packages=pyodide_packages,
    )
    write_service_worker(out, static_dir or STATIC_DIR)
    return out
