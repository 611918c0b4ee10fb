"""What every figure needs: sites built by lite's own builder, a loopback server, and one
Chromium that cannot reach anything but this machine."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Playwright, Request, Route

from lite.server import SiteServer, start
from lite.site import build_site
from tests.browser_setup import CHROMIUM_ARGS as BASE_ARGS
from tests.browser_setup import choose, is_offsite

from .pages import write_bare_page

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
OUT = Path(__file__).resolve().parent / "out"
CHROMIUM_ARGS = [
    *BASE_ARGS,
    # Belt and braces for the contexts that are not routed (routing would switch off the
    # HTTP cache, which the warm-boot figure measures): no host name resolves.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


def chromium_executable(playwright: Playwright) -> str | None:
    """The tests' choice: $LITE_CHROMIUM, Playwright's own Chromium, the system's."""
    bundled = playwright.chromium.executable_path
    return choose(bundled if Path(bundled).is_file() else None)


class Harness:
    """Owns the browser, the server and the sites; `blocked` collects offsite requests."""

    def __init__(self, playwright: Playwright, out: Path = OUT) -> None:
        self.out = out
        self.sites = out / "sites"
        shutil.rmtree(self.sites, ignore_errors=True)
        self.sites.mkdir(parents=True)
        self.server: SiteServer = start(self.sites)
        self.browser: Browser = playwright.chromium.launch(
            executable_path=chromium_executable(playwright), args=CHROMIUM_ARGS
        )
        self.blocked: list[str] = []
        self._urls: dict[str, str] = {}

    @property
    def chromium_version(self) -> str:
        return self.browser.version

    def site(self, name: str, app: Path) -> str:
        """URL of the app's page; built once, with lite's builder, plus the bare page."""
        if name not in self._urls:
            folder = self.sites / name
            build_site(app, folder)
            write_bare_page(folder)
            self._urls[name] = f"{self.server.url}{name}/"
        return self._urls[name]

    def site_from_source(self, name: str, code: str) -> str:
        folder = self.out / "apps" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "app.py").write_text(textwrap.dedent(code), "utf-8")
        return self.site(name, folder / "app.py")

    def context(self, *, route: bool = False, blocked: list[str] | None = None) -> BrowserContext:
        """A fresh profile. Offsite requests are recorded (in `blocked`, else self.blocked);
        with route=True they are also aborted by Playwright, which disables the HTTP cache,
        so only where that's fine (Gradio's pages, not our boot figures)."""
        context = self.browser.new_context()
        seen = self.blocked if blocked is None else blocked

        def record(request: Request) -> None:
            if is_offsite(request.url):
                seen.append(request.url)

        def guard(route: Route) -> None:
            if is_offsite(route.request.url):
                route.abort()
            else:
                route.fallback()

        context.on("request", record)
        if route:
            context.route("**/*", guard)
        return context

    def close(self) -> None:
        self.browser.close()
        self.server.shutdown()
        self.server.server_close()
