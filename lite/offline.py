"""What makes a built site open with the network off: its service worker and app manifest.

`lite build` and `lite gallery` call write_service_worker() last, once every file of the
site is in place. It writes sw.js (web/src/sw.ts) preceded by the build's description:
a hash of every file, the files to precache (all of the site but source maps and the big
app files) and the big app files (cached when first fetched). A new build thus changes
sw.js, which is how the browser notices it (web/src/register.ts).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath

SW = "sw.js"
WEB_MANIFEST = "manifest.webmanifest"
# lite's own colours (web/src/style.css): the installed app's title bar and splash.
THEME_COLOR = "#f97316"
BACKGROUND_COLOR = "#ffffff"
NEVER_PRECACHED = (".map",)


def site_files(root: Path) -> tuple[list[str], list[str]]:
    """(files to precache, big app files cached on first fetch), posix paths under root."""
    lazy: set[str] = set()
    for manifest in root.rglob("app.json"):
        folder = manifest.parent.relative_to(root)
        names = json.loads(manifest.read_text("utf-8")).get("lazy_files") or []
        lazy.update(str(PurePosixPath(*folder.parts, "app", name)) for name in names)
    files = sorted(
        rel
        for path in root.rglob("*")
        if path.is_file()
        and (rel := path.relative_to(root).as_posix()) not in lazy
        and rel != SW
        and not rel.endswith(NEVER_PRECACHED)
    )
    return files, sorted(lazy)


def build_hash(root: Path, files: list[str]) -> str:
    """Changes whenever any file of the site does (its name or its bytes)."""
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode() + b"\0")
        digest.update(hashlib.sha256((root / rel).read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(root: Path, static_dir: Path) -> dict[str, object]:
    """Write root/sw.js for the site in root; returns the build it describes."""
    files, lazy = site_files(root)
    # Lazy files count for the version too: a new big file is a new build.
    version = build_hash(root, files + lazy)
    build: dict[str, object] = {"version": version, "files": files, "lazy": lazy}
    code = (static_dir / SW).read_text("utf-8")
    (root / SW).write_text(f"self.LITE_BUILD = {json.dumps(build)};\n{code}", "utf-8")
    return build


def web_manifest(config: dict[str, object] | None, fallback_title: str) -> dict[str, object]:
    """The web app manifest: the site can be installed as an app, named as the Interface."""
    config = config or {}
    name = str(config.get("title") or fallback_title)
    manifest: dict[str, object] = {
        "name": name,
        "short_name": name[:12],
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [{"src": "icon.svg", "sizes": "any", "type": "image/svg+xml"}],
    }
    description = config.get("description")
    if isinstance(description, str) and description:
        manifest["description"] = description
    return manifest


def icon_svg(name: str) -> str:
    """A plain icon: the app's initial on lite's colour."""
    initial = (name.strip()[:1] or "L").upper()
    initial = initial.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
        f'<rect width="512" height="512" rx="96" fill="{THEME_COLOR}"/>'
        '<text x="256" y="340" font-family="system-ui,sans-serif" font-size="280" '
        f'font-weight="700" text-anchor="middle" fill="#ffffff">{initial}</text></svg>\n'
    )


def write_web_manifest(out: Path, config: dict[str, object] | None, fallback_title: str) -> None:
    manifest = web_manifest(config, fallback_title)
    (out / WEB_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    (out / "icon.svg").write_text(icon_svg(str(manifest["name"])), "utf-8")
