"""The `lite` command: build an app into a static site, or serve it while you edit it."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from lite import gallery, server, site
from lite.site import BuildError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lite", description="Run a Gradio Interface app in the browser, on Pyodide."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="write a static site that runs APP offline")
    build.add_argument("app", type=Path, metavar="APP.py")
    build.add_argument("-o", "--out", type=Path, required=True, metavar="DIR")
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
        site.build_site(args.app, args.out, state_key=args.state_key, snapshot=not args.no_snapshot)
        print(f"Built {args.app} into {args.out}/")
    elif args.command == "serve":
        with tempfile.TemporaryDirectory(prefix="lite-serve-") as tmp:
            server.serve_app(args.app, Path(tmp), args.host, args.port)
    elif args.command == "gallery":
        names = gallery.build_gallery(args.examples, args.out)
        print(f"Built {len(names)} apps into {args.out}/: {', '.join(names)}")
        if args.serve:
            server.serve_dir(args.out, args.host, args.port)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
