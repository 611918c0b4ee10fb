"""`lite build --single-file`: one HTML file that runs from disk, with no server and no
network (lite/single_file.py, web/src/single-*.ts)."""

from __future__ import annotations

from pathlib import Path

from conftest import BOOT_TIMEOUT_MS, READY
from playwright.sync_api import Page, expect

from lite.single_file import build_single_file

APP = """
import gradio as gr

def count(name, history):
    history = (history or []) + [name]
    return f"Hello, {name}! ({len(history)} so far)", history

gr.Interface(
    count,
    [gr.Textbox(label="Name"), gr.State()],
    [gr.Textbox(label="Greeting"), gr.State()],
).launch()
"""


def test_single_file_from_disk_answers_and_keeps_session_state(tmp_path: Path, page: Page) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text(APP)
    target = tmp_path / "demo.html"
    size = build_single_file(tmp_path / "src" / "app.py", target)
    assert size == target.stat().st_size
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(target.as_uri())
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    for n, name in enumerate(["Ada", "Grace"], start=1):
        page.get_by_label("Name").fill(name)
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_label("Greeting")).to_have_text(f"Hello, {name}! ({n} so far)")
    # Nothing but the file itself and the Blob URLs made from it.
    assert [u for u in requests if not u.startswith(("blob:", "data:", target.as_uri()))] == []


def test_single_file_shares_global_state_across_reloads(tmp_path: Path, page: Page) -> None:
    """Chromium gives file:// pages IndexedDB and Web Locks, so shared data works."""
    examples = Path(__file__).parents[2] / "examples"
    target = tmp_path / "scores.html"
    build_single_file(examples / "score_tracker" / "app.py", target)
    page.goto(target.as_uri())
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    page.get_by_label("Score", exact=True).fill("5")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Top Scores")).to_contain_text("5")
    page.reload()
    page.wait_for_selector(READY, state="attached", timeout=BOOT_TIMEOUT_MS)
    page.get_by_label("Score", exact=True).fill("7")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Top Scores")).to_contain_text("7")
    expect(page.get_by_label("Top Scores")).to_contain_text("5")  # kept from before the reload
