"""The `lite` command: build an app into a static site, or serve it while you edit it."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zlib
from pathlib import Path

from lite import gallery, offline, server, single_file, site
from lite.shipping import human_size
from lite.site import BuildError

# Past this total, `lite build` warns that the app's files weigh on the page.
HEAVY = 5_000_000


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lite", description="Run a Gradio Interface app in the browser, on Pyodide."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="write a static site that runs APP offline")
    build.add_argument("app", type=Path, metavar="APP.py")
    build.add_argument("-o", "--out", type=Path, metavar="DIR", help="required unless --list")
    build.add_argument(
        "--state-key",
        metavar="KEY",
        help="keep the app's shared data across new versions of its code (default: none)",
    )
    build.add_argument(
        "--no-snapshot",
        action="store_true",
        help="leave out the memory snapshot: 6 MB less to download, about two seconds more to boot",
    )
    build.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="also ship the files GLOB matches, which the rules leave out (repeatable)",
    )
    build.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="do not ship the files GLOB matches (repeatable)",
    )
    build.add_argument(
        "--pyodide-packages",
        metavar="URL",
        help="a Pyodide package index (folder or URL with pyodide-lock.json) to copy "
        "packages of Pyodide's own set (numpy, pandas, Pillow...) from, into the site",
    )
    build.add_argument(
        "--single-file",
        type=Path,
        metavar="FILE.html",
        help="write the app as one HTML file that runs from disk, with no server",
    )
    build.add_argument(
        "--list", action="store_true", help="print the files the build would ship, and stop"
    )

    serve = commands.add_parser("serve", help="serve APP locally, rebuilding on every save")
    serve.add_argument("app", type=Path, metavar="APP.py")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")

    gallery = commands.add_parser("gallery", help="build every EXAMPLES/*/app.py into one site")
    gallery.add_argument("examples", type=Path, metavar="EXAMPLES_DIR")
    gallery.add_argument("-o", "--out", type=Path, required=True, metavar="DIR")
    gallery.add_argument("--serve", action="store_true", help="then serve the gallery")
    gallery.add_argument("--port", type=int, default=8000)
    gallery.add_argument("--host", default="127.0.0.1")
    return parser


def _run(args: argparse.Namespace) -> None:
    if args.command == "build":
        if args.list:
            site.check_app(args.app)
            shipment = site.select_files(
                args.app, include=args.include, exclude=args.exclude, out=args.out
            )
            for name, size in shipment.files.items():
                print(f"{human_size(size):>9}  {name}")
            return
        if args.single_file is not None:
            size = single_file.build_single_file(
                args.app,
                args.single_file,
                include=args.include,
                exclude=args.exclude,
                pyodide_packages=args.pyodide_packages,
            )
            print(f"Wrote {args.single_file}: {human_size(size)}, runs from disk with no server")
            return
        site.build_site(
            args.app,
            args.out,
            state_key=args.state_key,
            snapshot=not args.no_snapshot,
            include=args.include,
            exclude=args.exclude,
            pyodide_packages=args.pyodide_packages,
        )
        print(f"Built {args.app} into {args.out}/")
        _summary(args.out)
        _download_sizes(args.out)
    elif args.command == "serve":
        with tempfile.TemporaryDirectory(prefix="lite-serve-") as tmp:
            server.serve_app(args.app, Path(tmp), args.host, args.port)
    elif args.command == "gallery":
        names = gallery.build_gallery(args.examples, args.out)
        print(f"Built {len(names)} apps into {args.out}/: {', '.join(names)}")
        if args.serve:
            server.serve_dir(args.out, args.host, args.port)


def _summary(out: Path) -> None:
    """What the build shipped of the app's folder: how much, and the biggest files."""
    manifest = json.loads((out / "app.json").read_text("utf-8"))
    sizes = {name: (out / "app" / name).stat().st_size for name in manifest["files"]}
    total = sum(sizes.values())
    later = set(manifest.get("lazy_files", []))
    print(f"Shipped {len(sizes)} app file{'s' * (len(sizes) != 1)}, {human_size(total)}:")
    for name in sorted(sizes, key=lambda n: -sizes[n])[:3]:
        when = " (loaded after the app is ready)" if name in later else ""
        print(f"  {human_size(sizes[name]):>9}  {name}{when}")
    if len(sizes) > 3:
        print(f"  and {len(sizes) - 3} more: `lite build --list` shows them all")
    if total > HEAVY:
        site.warn(
            f"the app's files weigh {human_size(total)}; is all of it meant to be public? "
            "Leave files out with --exclude GLOB or [tool.lite] exclude in pyproject.toml"
        )


def _download_sizes(out: Path) -> None:
    """The whole site, and what a first visit downloads: all but the big files loaded on use
    (the service worker stores it for offline use; README "Deploying")."""
    precached, lazy = offline.site_files(out)
    first = sum((out / name).stat().st_size for name in precached)
    later = sum((out / name).stat().st_size for name in lazy)
    every = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    wire = sum(_gzipped_size(out / name) for name in precached)
    print(
        f"Site: {human_size(every)}. A first visit downloads {human_size(first)} "
        f"({human_size(wire)} from a host that compresses)"
        + (f", and {human_size(later)} of big files when used." if lazy else ".")
    )


def _gzipped_size(path: Path) -> int:
    """Bytes on the wire from a host that gzips; compressed formats are sent as they are."""
    if path.suffix in (".gz", ".whl", ".zip", ".png", ".jpg", ".jpeg", ".webp", ".mp4", ".mp3"):
        return path.stat().st_size
    return len(zlib.compress(path.read_bytes(), 6))


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "build" and args.out is None and not (args.list or args.single_file):
        parser.error("lite build needs -o/--out DIR (or --single-file FILE.html)")
    try:
        _run(args)
    except BuildError as error:
        print(f"lite: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # an unwritable or clashing output path, a full disk
        print(f"lite: error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
