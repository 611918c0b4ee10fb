"""The browser-test fixtures: one Chromium, one loopback server, sites built like a user's.

Every site is built by the same builder as `lite build` (the real bundle from
lite/static/ and the runtime wheel zipped from lite/), then served from one
session-wide server, each in its own sub-folder. Nothing may leave the machine: every
request to another host is aborted and fails the test. Chromium's launch options come
from the lite pytest plugin (lite/testing/launch.py), as for any author's tests.
"""

from __future__ import annotations

import html
import itertools
import textwrap
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Locator, Page, Route
from playwright.sync_api import Error as PlaywrightError

from lite.server import SiteServer, start
from lite.site import build_site, write_assets
from lite.testing.browser import is_offsite

# The front end sets data-status on <gradio-lite>: "loading", then "ready" once the app
# is rendered or "error" once a boot failure is shown. Tests wait for either.
READY = 'gradio-lite[data-status="ready"]'
BOOT_ERROR = 'gradio-lite[data-status="error"]'
BOOT_TIMEOUT_MS = 90_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def offsite_requests() -> Iterator[list[str]]:
    """URLs the page tried to fetch from anywhere but this machine (all were aborted)."""
    blocked: list[str] = []
    yield blocked
    assert not blocked, f"the page tried to reach the network: {blocked}"


@pytest.fixture
def new_context(
    new_context: Callable[..., BrowserContext], offsite_requests: list[str]
) -> Callable[..., BrowserContext]:
    """Every context the tests open (the `context` and `page` fixtures too) stays offline."""

    def guard(route: Route) -> None:
        if is_offsite(route.request.url):
            offsite_requests.append(route.request.url)
            route.abort()
        else:
            route.fallback()

    def make(**kwargs: Any) -> BrowserContext:
        context = new_context(**kwargs)
        context.route("**/*", guard)
        return context

    return make


@pytest.fixture(scope="session")
def site_server(tmp_path_factory: pytest.TempPathFactory) -> Generator[SiteServer, None, None]:
    """One loopback server for the session; `site_server.root` holds every built site."""
    server = start(tmp_path_factory.mktemp("sites"))
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def built_site(site_server: SiteServer) -> Callable[..., str]:
    """built_site(app_path, state_key=None) -> URL of the app's page; built once per app."""
    cache: dict[tuple[Path, str | None], str] = {}

    def build(app: Path | str, state_key: str | None = None) -> str:
        app = Path(app).resolve()
        if (app, state_key) not in cache:
            name = f"{len(cache)}-{app.parent.name}-{app.stem}"
            build_site(app, site_server.root / name, state_key=state_key)
            cache[app, state_key] = f"{site_server.url}{name}/"
        return cache[app, state_key]

    return build


@pytest.fixture(scope="session")
def app_from_source(
    built_site: Callable[..., str], tmp_path_factory: pytest.TempPathFactory
) -> Callable[..., str]:
    """app_from_source(code, state_key=None, **other_files) -> URL of a site for that code.

    other_files maps file names (dots as "__", e.g. requirements__txt) to contents.
    """

    def build(code: str, state_key: str | None = None, **other_files: str) -> str:
        folder = tmp_path_factory.mktemp("app")
        (folder / "app.py").write_text(textwrap.dedent(code))
        for name, text in other_files.items():
            (folder / name.replace("__", ".")).write_text(textwrap.dedent(text))
        return built_site(folder / "app.py", state_key)

    return build


@pytest.fixture(scope="session")
def assets_url(site_server: SiteServer) -> str:
    """URL of a folder holding only lite.js and the runtime, for hand-written pages."""
    write_assets(site_server.root / "assets")
    return f"{site_server.url}assets/"


@pytest.fixture(scope="session")
def html_page(site_server: SiteServer, assets_url: str) -> Callable[[str], str]:
    """html_page(html) -> URL of a page served next to lite.js (so src="lite.js" works)."""
    counter = itertools.count()

    def write(html: str) -> str:
        name = f"page-{next(counter)}.html"
        (site_server.root / "assets" / name).write_text(textwrap.dedent(html))
        return assets_url + name

    return write


def _open_app(page: Page, url: str, *, expect_error: bool = False) -> Locator:
    console: list[str] = []

    def record(message: ConsoleMessage) -> None:
        console.append(f"[{message.type}] {message.text}")

    page.on("console", record)
    page.goto(url)
    try:
        page.wait_for_selector(f"{READY}, {BOOT_ERROR}", state="attached", timeout=BOOT_TIMEOUT_MS)
    except PlaywrightError as error:
        log = "\n".join(console) or "(empty)"
        raise AssertionError(f"{url} did not boot: {error.message}\nconsole:\n{log}") from None
    finally:
        page.remove_listener("console", record)
    app = page.locator("gradio-lite").first
    failed = page.locator(BOOT_ERROR).count() > 0
    if failed and not expect_error:
        raise AssertionError(f"{url} failed to boot:\n{app.inner_text()}")
    if expect_error and not failed:
        raise AssertionError(f"{url} booted, but a boot error was expected")
    return app


@pytest.fixture
def open_app() -> Callable[..., Locator]:
    """open_app(page, url, expect_error=False): navigate and wait until the app is ready
    (or, with expect_error, until its boot error shows); returns the <gradio-lite>."""
    return _open_app


@pytest.fixture(scope="session")
def inline_app(html_page: Callable[[str], str]) -> Callable[[str], str]:
    """inline_app(code) -> URL of a page running `code` inline in <gradio-lite>, with no
    build: for apps `lite build` refuses (an input whose type= needs numpy, pandas or
    Pillow), to show the error the page gives instead."""

    def write(code: str) -> str:
        body = html.escape(textwrap.dedent(code).strip(), quote=False)
        return html_page(
            '<!doctype html>\n<link rel="stylesheet" href="lite.css">\n'
            '<script type="module" src="lite.js"></script>\n'
            f"<gradio-lite>\n{body}\n</gradio-lite>\n"
        )

    return write
