"""The pytest plugin (entry point `pytest11: lite`): the `lite_app` fixture.

    def test_greets(lite_app):
        app = lite_app("app.py")
        app.set("name", "Ada")
        app.submit()
        assert app.output("output") == "Hello Ada!"

Each app is built once per test session, exactly as `lite build` builds it, into a
folder served on a free loopback port. Every `lite_app(...)` call opens its pages in a
new browser context, so each test starts with empty shared data. With pytest-playwright
installed, its `browser` fixture (and options: --headed, --slowmo, --tracing...) is used;
otherwise the plugin launches Chromium itself. Playwright is only imported when a test
uses the fixture, so this plugin costs nothing to projects that don't.
"""

from __future__ import annotations

import hashlib
import textwrap
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lite.server import SiteServer, start
from lite.site import build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext

    from lite.testing.node import NodeApp
    from lite.testing.page import LitePage

PLAYWRIGHT_PLUGIN = "playwright"  # pytest-playwright's entry-point name


def pytest_configure(config: pytest.Config) -> None:
    if config.pluginmanager.hasplugin(PLAYWRIGHT_PLUGIN):
        # Registered now, after every entry-point plugin, so its launch options wrap
        # pytest-playwright's; a conftest.py can still wrap them in turn.
        from lite.testing import launch

        config.pluginmanager.register(launch, "lite-chromium")


class Sites:
    """Built sites under one served folder; each (app, state key) is built once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.server: SiteServer = start(root)
        self._built: dict[tuple[Path, str | None], str] = {}  # -> folder name
        self._sources: dict[str, Path] = {}
        self._nodes: dict[Path, NodeApp] = {}

    def folder(self, app: Path, state_key: str | None = None) -> Path:
        """The site's folder, built on first use."""
        key = (app.resolve(), state_key)
        if key not in self._built:
            name = f"{len(self._built)}-{app.parent.name}-{app.stem}"
            build_site(app, self.root / name, state_key=state_key)
            self._built[key] = name
        return self.root / self._built[key]

    def url(self, app: Path, state_key: str | None = None) -> str:
        return f"{self.server.url}{self.folder(app, state_key).name}/"

    def source_app(self, source: str) -> Path:
        """An app.py holding `source`, in a folder of its own; one per distinct source."""
        if source not in self._sources:
            digest = hashlib.sha256(source.encode()).hexdigest()[:12]
            folder = self.root.parent / f"source-{digest}"
            folder.mkdir(exist_ok=True)
            (folder / "app.py").write_text(source, "utf-8")
            self._sources[source] = folder / "app.py"
        return self._sources[source]

    def node(self, app: Path, state_key: str | None = None) -> NodeApp:
        """The app running in Node, started afresh: one Python per app for the session."""
        from lite.testing.node import NodeApp

        folder = self.folder(app, state_key)
        if folder in self._nodes:
            self._nodes[folder].restart()
        else:
            self._nodes[folder] = NodeApp(folder)
        return self._nodes[folder]

    def close(self) -> None:
        for node in self._nodes.values():
            node.close()
        self.server.shutdown()
        self.server.server_close()


def app_path(path_or_source: str | Path, sites: Sites, test_dir: Path) -> Path:
    """A path (ending in .py) relative to the test file's folder, or else to the working
    directory; any other string is the app's source."""
    if isinstance(path_or_source, str) and (
        "\n" in path_or_source or not path_or_source.strip().endswith(".py")
    ):
        return sites.source_app(textwrap.dedent(path_or_source))
    path = Path(path_or_source)
    for candidate in (test_dir / path, Path.cwd() / path):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"no app file {str(path)!r} next to the test ({test_dir}) or in the working directory"
    )


@pytest.fixture(scope="session")
def lite_sites(tmp_path_factory: pytest.TempPathFactory) -> Generator[Sites, None, None]:
    """The session's built sites and their loopback server."""
    sites = Sites(tmp_path_factory.mktemp("lite-sites") / "www")
    sites.root.mkdir()
    yield sites
    sites.close()


@pytest.fixture(scope="session")
def lite_browser() -> Generator[Browser, None, None]:
    """Chromium for the kit when pytest-playwright is not installed."""
    from playwright.sync_api import sync_playwright

    from lite.testing.browser import launch_args

    with sync_playwright() as playwright:
        chromium = playwright.chromium
        browser = chromium.launch(**launch_args({}, chromium.executable_path))
        yield browser
        browser.close()


LiteApp = Callable[..., "LitePage | NodeApp | tuple[LitePage, ...]"]


@pytest.fixture
def lite_app(
    request: pytest.FixtureRequest, lite_sites: Sites, tmp_path: Path
) -> Generator[LiteApp, None, None]:
    """lite_app(path_or_source, *, tabs=1, state_key=None, engine="chromium") -> a ready
    LitePage (a tuple of them for tabs > 1, tabs of one browser context), or with
    engine="node" a NodeApp (predict, error and shared data only, no browser)."""
    contexts: list[BrowserContext] = []

    def new_context() -> BrowserContext:
        if request.config.pluginmanager.hasplugin(PLAYWRIGHT_PLUGIN):
            context: BrowserContext = request.getfixturevalue("new_context")()  # it closes them
            return context
        browser: Browser = request.getfixturevalue("lite_browser")
        contexts.append(browser.new_context())
        return contexts[-1]

    def open_app(
        path_or_source: str | Path,
        *,
        tabs: int = 1,
        state_key: str | None = None,
        engine: str = "chromium",
    ) -> LitePage | NodeApp | tuple[LitePage, ...]:
        if tabs < 1:
            raise ValueError("tabs must be at least 1")
        app = app_path(path_or_source, lite_sites, request.path.parent)
        if engine == "node":
            if tabs != 1:
                raise ValueError("engine='node' runs one tab; use the browser for more")
            return lite_sites.node(app, state_key)
        if engine != "chromium":
            raise ValueError(f"engine must be 'chromium' or 'node', not {engine!r}")
        try:
            from lite.testing.page import LitePage
        except ImportError as error:
            raise ImportError(
                "lite's testing kit needs Playwright: pip install playwright "
                "(or install lite with its [testing] extra)"
            ) from error
        url = lite_sites.url(app, state_key)
        context = new_context()
        group: list[LitePage] = []
        downloads = tmp_path / "lite-downloads"  # output files, fetched from the page
        group.extend(
            LitePage(context.new_page(), url, siblings=group, downloads=downloads)
            for _ in range(tabs)
        )
        for page in group:
            page.open()
        return group[0] if tabs == 1 else tuple(group)

    yield open_app
    for context in contexts:
        context.close()
