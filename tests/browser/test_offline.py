"""A built site opens with the network off after one visit (web/src/sw.ts, lite/offline.py).

Each test serves its site from its own plain static server, which sets no headers of its
own (so isolation can only come from the service worker) and which the test stops to go
offline: Playwright's offline mode does not cover the service worker's requests.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import BOOT_TIMEOUT_MS, READY
from playwright.sync_api import BrowserContext, Locator, Page, expect
from wheels import make_pyodide_index, make_wheel

from lite.gallery import build_gallery
from lite.site import build_site

APP = """
import gradio as gr

def greet(name):
    return "{greeting}, " + name + "!"

gr.Interface(greet, gr.Textbox(label="Name"), gr.Textbox(label="Greeting")).launch()
"""


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


class Static:
    """A stoppable static server for one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        handler = functools.partial(Handler, directory=str(root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def static(tmp_path: Path) -> Iterator[Static]:
    server = Static(tmp_path / "root")
    yield server
    server.stop()


def write_app(folder: Path, greeting: str = "Hello") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "app.py").write_text(APP.replace("{greeting}", greeting))
    return folder / "app.py"


def first_visit(page: Page, url: str) -> Locator:
    """Open the page, wait until the service worker has stored the site, and reload:
    from then on the service worker serves the page."""
    page.goto(url)
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=BOOT_TIMEOUT_MS)
    page.reload()
    page.wait_for_function("crossOriginIsolated", timeout=BOOT_TIMEOUT_MS)
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    return page.locator("gradio-lite")


def answers(page: Page, name: str, expected: str) -> None:
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Greeting")).to_have_text(expected, timeout=30_000)


def go_offline(context: BrowserContext, static: Static) -> None:
    static.stop()
    context.set_offline(True)


def reopen(page: Page) -> None:
    page.reload()
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)


def test_reopens_offline_and_answers(
    static: Static, tmp_path: Path, context: BrowserContext, page: Page
) -> None:
    build_site(write_app(tmp_path / "src"), static.root)
    first_visit(page, static.url)
    answers(page, "Ada", "Hello, Ada!")
    go_offline(context, static)
    reopen(page)
    answers(page, "Grace", "Hello, Grace!")
    # And a fresh tab, too: navigation itself is answered from the cache.
    other = context.new_page()
    other.goto(static.url)
    other.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    answers(other, "Alan", "Hello, Alan!")


def test_page_is_isolated_through_the_service_worker(
    static: Static, tmp_path: Path, page: Page
) -> None:
    build_site(write_app(tmp_path / "src"), static.root)
    page.goto(static.url)
    # The server sets no COOP/COEP: the first load is not isolated...
    assert page.evaluate("crossOriginIsolated") is False
    first_visit(page, static.url)
    # ...and once the service worker serves the page (from the next load on), it is.
    assert page.evaluate("typeof SharedArrayBuffer") == "function"
    answers(page, "Ada", "Hello, Ada!")


def test_a_rebuilt_site_is_picked_up_and_the_old_cache_deleted(
    static: Static, tmp_path: Path, page: Page
) -> None:
    build_site(write_app(tmp_path / "src"), static.root)
    first_visit(page, static.url)
    before = page.evaluate("caches.keys()")
    assert len(before) == 1
    build_site(write_app(tmp_path / "src", greeting="Bonjour"), static.root)
    page.reload()
    # The new version downloads in the background and is offered.
    update = page.locator(".lite-update")
    expect(update).to_contain_text("A new version is ready", timeout=BOOT_TIMEOUT_MS)
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    page.get_by_label("Name").fill("typed before the update")
    update.get_by_role("button", name="Reload").click()
    page.wait_for_function(
        f"caches.keys().then(k => k.length === 1 && k[0] !== {before[0]!r})",
        timeout=BOOT_TIMEOUT_MS,
        polling=250,
    )
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    # What was typed survives the reload into the new version.
    expect(page.get_by_label("Name")).to_have_value("typed before the update")
    answers(page, "Ada", "Bonjour, Ada!")


def test_sub_path_site_with_two_apps(
    static: Static, tmp_path: Path, context: BrowserContext, page: Page
) -> None:
    """Two apps built into sub-folders of one site each keep their own cache."""
    build_site(write_app(tmp_path / "one"), static.root / "user" / "repo" / "one")
    build_site(write_app(tmp_path / "two", "Hi"), static.root / "user" / "repo" / "two")
    first_visit(page, f"{static.url}user/repo/one/")
    second = context.new_page()
    first_visit(second, f"{static.url}user/repo/two/")
    keys = page.evaluate("caches.keys()")
    assert sorted(k.split(":http")[1].rsplit(":", 1)[0] for k in keys) == [
        f"://{static.url.split('://')[1]}user/repo/one/",
        f"://{static.url.split('://')[1]}user/repo/two/",
    ]
    go_offline(context, static)
    reopen(page)
    answers(page, "Ada", "Hello, Ada!")
    reopen(second)
    answers(second, "Ada", "Hi, Ada!")


def test_gallery_apps_share_one_service_worker(
    static: Static, tmp_path: Path, context: BrowserContext, page: Page
) -> None:
    write_app(tmp_path / "examples" / "hello")
    write_app(tmp_path / "examples" / "hi", "Hi")
    build_gallery(tmp_path / "examples", static.root)
    first_visit(page, f"{static.url}hello/")
    go_offline(context, static)
    # The other app was precached with the runtime they share.
    page.goto(f"{static.url}hi/")
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    answers(page, "Ada", "Hi, Ada!")


def test_embedded_page_registers_nothing(
    html_page: Callable[[str], str], page: Page, open_app: Callable[..., Locator]
) -> None:
    url = html_page(
        """
        <script type="module" src="lite.js"></script>
        <gradio-lite>
        import gradio as gr
        gr.Interface(lambda s: s, gr.Textbox(label="Name"), gr.Textbox(label="Greeting")).launch()
        </gradio-lite>
        """
    )
    open_app(page, url)
    answers(page, "Ada", "Ada")
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0


GREET = "def hello(name):\n    return f'Hello, {name}!'\n"
REQUIRING_APP = """
import gradio as gr
import tiny_greet
import numpy

def greet(name):
    return f"{tiny_greet.hello(name)} (numpy {numpy.__version__})"

gr.Interface(greet, gr.Textbox(label="Name"), gr.Textbox(label="Greeting")).launch()
"""


def test_requirements_resolved_at_build_boot_offline(
    static: Static, tmp_path: Path, context: BrowserContext, page: Page
) -> None:
    """A package from a (local folder) index and one from a Pyodide package index, both
    copied into the site at build time: the page installs them with no index reachable."""
    index = tmp_path / "index"
    make_wheel(index, "tiny_greet", "1.0", ("tiny-dep",), code=GREET)
    make_wheel(index, "tiny_dep", "0.2")
    # A stand-in numpy: the point is where it comes from, not what it computes.
    numpy = make_wheel(tmp_path / "made", "numpy", "9.9")
    pyodide_index = make_pyodide_index(tmp_path / "dist", [numpy], {})
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "app.py").write_text(REQUIRING_APP)
    (folder / "requirements.txt").write_text(
        f"--no-index\n--find-links {index}\ntiny-greet\nnumpy\n"
    )
    build_site(folder / "app.py", static.root, pyodide_packages=str(pyodide_index))
    first_visit(page, static.url)
    go_offline(context, static)
    reopen(page)
    answers(page, "Ada", "Hello, Ada! (numpy 9.9)")


PERSIST_SPY = """
window.__persistCalls = 0;
const original = navigator.storage.persist.bind(navigator.storage);
navigator.storage.persist = () => { window.__persistCalls += 1; return original(); };
"""


def test_an_app_with_shared_data_asks_for_persistent_storage(
    built_site: Callable[..., str], page: Page, open_app: Callable[..., Locator]
) -> None:
    examples = Path(__file__).parents[2] / "examples"
    page.add_init_script(PERSIST_SPY)
    open_app(page, built_site(examples / "score_tracker" / "app.py"))
    page.get_by_label("Score", exact=True).fill("5")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Top Scores")).to_contain_text("5")
    page.wait_for_function("window.__persistCalls === 1", timeout=10_000)


def test_an_app_without_shared_data_does_not(
    built_site: Callable[..., str], page: Page, open_app: Callable[..., Locator]
) -> None:
    examples = Path(__file__).parents[2] / "examples"
    page.add_init_script(PERSIST_SPY)
    open_app(page, built_site(examples / "hello_world" / "app.py"))
    page.get_by_label("name").fill("Ada")
    page.get_by_label("intensity").fill("1")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output")).to_have_text("Hello, Ada!")
    page.wait_for_timeout(3000)  # the app is ready and has answered: nothing asked
    assert page.evaluate("window.__persistCalls") == 0


def test_a_new_version_cut_half_way_leaves_the_working_one(
    static: Static, tmp_path: Path, page: Page
) -> None:
    build_site(write_app(tmp_path / "src"), static.root)
    first_visit(page, static.url)
    before = page.evaluate("caches.keys()")
    build_site(write_app(tmp_path / "src", greeting="Bonjour"), static.root)
    (static.root / "icon.svg").unlink()  # one file of the new build cannot be downloaded
    page.add_init_script(
        "navigator.serviceWorker.ready.then((r) => r.addEventListener('updatefound', () => {"
        "  const w = r.installing;"
        "  w.addEventListener('statechange', () => { window.__newVersion = w.state; });"
        "}));"
    )
    page.reload()
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    # The new version was found, failed to install and was dropped: no new cache.
    page.wait_for_function("window.__newVersion === 'redundant'", timeout=BOOT_TIMEOUT_MS)
    assert page.evaluate("caches.keys()") == before
    expect(page.locator(".lite-update")).to_have_count(0)
    answers(page, "Ada", "Hello, Ada!")
