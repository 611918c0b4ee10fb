"""One tab of a running app, driven the way its user would: by component label.

Inputs are set through the page's real controls (fill, check, select), Submit and Clear
are clicked, and outputs are read back from the values the page shows, turned into the
Python types the function returned (components.py). The page's JS API (`el.ready`,
`lite-result`, `lite-error`) tells when the app is ready and when an answer arrived.
"""

from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import ConsoleMessage, Page
from playwright.sync_api import Error as PlaywrightError

from lite.state.candidates import label as shared_label
from lite.state.codec import decode
from lite.testing.components import Config, Field, kind
from lite.testing.errors import BOOT_TIMEOUT_MS, EVENT_TIMEOUT_MS, AppBootError, AppError

__all__ = ["AppBootError", "AppError", "LitePage"]
_SETTLED = '[data-status="ready"], [data-status="error"]'
# Keeps the last form event's error where error() can read it; a later answer clears it.
_WATCH_ERRORS = """el => {
  el.__liteKitError = null;
  el.addEventListener("lite-error", (e) => {
    if (e.detail.source === "form") el.__liteKitError = e.detail;
  });
  el.addEventListener("lite-result", (e) => {
    if (e.detail.source === "form") el.__liteKitError = null;
  });
}"""


# The bytes behind a URL the page holds (an object URL of a received file, or a file of
# the site), as base64: Playwright hands strings across, not bytes.
_FETCH_BASE64 = """async (el, url) => {
  const blob = await (await fetch(url)).blob();
  const data = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  return data.slice(data.indexOf(",") + 1);
}"""


class LitePage:
    """A page of the app: `.page` is the Playwright Page for anything not covered here."""

    def __init__(
        self,
        page: Page,
        url: str,
        *,
        siblings: list[LitePage] | None = None,
        downloads: Path | None = None,
    ) -> None:
        self.page = page
        self.url = url
        self._downloads = downloads
        self._siblings = siblings if siblings is not None else [self]
        self._config: Config = {}
        self.element = page.locator("gradio-lite").first

    # ---- opening ----

    def open(self) -> LitePage:
        """Load the page and wait until Python is ready; a boot failure raises AppBootError."""
        console: list[str] = []

        def record(message: ConsoleMessage) -> None:
            console.append(f"[{message.type}] {message.text}")

        self.page.on("console", record)
        try:
            self.page.goto(self.url)
            self.page.locator(f"gradio-lite:is({_SETTLED})").first.wait_for(
                state="attached", timeout=BOOT_TIMEOUT_MS
            )
        except PlaywrightError as error:
            log = "\n".join(console[-40:]) or "(empty)"
            raise AppBootError(
                f"{self.url} did not start: {error.message}\nbrowser console:\n{log}"
            ) from None
        finally:
            self.page.remove_listener("console", record)
        failure = self.element.evaluate(
            """el => el.ready.then(() => null, (e) =>
                 ({name: e.name, message: e.message, traceback: e.traceback ?? null}))"""
        )
        if failure is not None:
            detail = failure["traceback"] or f"{failure['name']}: {failure['message']}"
            raise AppBootError(f"the app failed to start in the browser:\n{detail}")
        self._config = self.element.evaluate("el => el.config")
        self.element.evaluate(_WATCH_ERRORS)
        return self

    @property
    def config(self) -> Config:
        """The app's config as Python made it (components, labels, api_name)."""
        return self._config

    # ---- the form ----

    def set(self, label: str | int, value: Any) -> None:
        """Set the input labelled `label` (or at that position) as a user would."""
        i, config = self._find("inputs", label)
        self._front()
        field = Field(self.element, self._blocks("inputs").nth(i), i, config)
        kind(config).set(field, value)

    def submit(self) -> None:
        """Click Submit and wait for the answer (a live app: wait for its runs to finish)."""
        if not self._config["live"]:
            self._front()
            self.element.locator("form button[type=submit]").click()
        self.wait_until_idle()

    def clear(self) -> None:
        """Click Clear: inputs and outputs go back to their initial values, session state too."""
        self._front()
        name = self._config["clear_btn"]
        self.element.locator("form").get_by_role("button", name=name, exact=True).click()
        self.wait_until_idle()

    def output(self, label: str | int) -> Any:
        """The output's value as the function returned it: a number for Number, parsed
        JSON for JSON, {label: confidence} for Label, ..."""
        self.wait_until_idle()
        i, config = self._find("outputs", label)
        shown = self.element.evaluate("el => el.app.shownOutputs()")
        return self._read(config, shown[i])

    def error(self) -> str | None:
        """The error shown for the last event: gr.Error's message, "Type: message" for
        another exception, "Label: message" for invalid inputs; None if it succeeded."""
        self.wait_until_idle()
        error = self.element.evaluate("el => el.__liteKitError")
        if error is None:
            return None
        if error["kind"] == "exception":
            return f"{error['type']}: {error['message']}"
        return str(error["message"])

    def predict(self, *inputs: Any, **by_label: Any) -> list[Any]:
        """Call the app through its JS API (the form is left alone): inputs by position or
        by label; returns the outputs, converted like output(). Raises AppError."""
        data = by_label if by_label else list(inputs)
        answer = self.element.evaluate(
            """(el, data) => el.predict(data).then((r) => ({data: r.data}),
                 (e) => ({error: String(e)}))""",
            data,
        )
        if "error" in answer:
            raise AppError(answer["error"])
        outputs = zip(self._config["outputs"], answer["data"], strict=True)
        return [self._read(config, value) for config, value in outputs]

    # ---- shared data ----

    def shared_state(self) -> dict[str, Any]:
        """The app's shared module-level data: {name: value}, decoded."""
        self.wait_until_idle()
        # The element's sharedData API: an export file holds the tagged values by key.
        exported = self.element.evaluate("el => el.sharedData.export()")
        values = json.loads(exported)["values"]
        return {shared_label(key): decode(json.dumps(tree)) for key, tree in sorted(values.items())}

    def reset_shared_state(self) -> None:
        """Put the app's shared data back to the module's initial values, in every tab."""
        self.wait_until_idle()
        self.element.evaluate("el => el.sharedData.reset()")

    # ---- helpers ----

    def wait_until_idle(self) -> None:
        """Wait until no form event of this page waits for its answer."""
        # Polled, not per animation frame: a background tab gets no frames.
        self.page.wait_for_function(
            "el => el.app !== null && el.app.pendingFormEvents === 0",
            arg=self.element.element_handle(),
            polling=50,
            timeout=EVENT_TIMEOUT_MS,
        )

    def _read(self, config: Config, value: Any) -> Any:
        return kind(config).read(self._download_files(value), config)

    def _download_files(self, value: Any) -> Any:
        """`value` with each FileData in it replaced by the path of a local copy."""
        if isinstance(value, list):
            return [self._download_files(v) for v in value]
        if not isinstance(value, dict):
            return value
        if value.get("_type") != "file":
            return {k: self._download_files(v) for k, v in value.items()}
        if not value.get("url"):
            return value.get("path")
        if self._downloads is None:
            self._downloads = Path(tempfile.mkdtemp(prefix="lite-downloads-"))
        self._downloads.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=self._downloads))  # names may repeat
        target = folder / Path(value.get("orig_name") or "file").name
        target.write_bytes(base64.b64decode(self.element.evaluate(_FETCH_BASE64, value["url"])))
        return str(target)

    def _front(self) -> None:
        # Playwright's actionability checks wait for animation frames, which only the
        # front tab gets; several tabs of one test take turns.
        if len(self._siblings) > 1:
            self.page.bring_to_front()

    def _blocks(self, side: str) -> Any:
        column = "form.lite-inputs" if side == "inputs" else ".lite-outputs"
        return self.element.locator(f"{column} > .lite-block")

    def _find(self, side: str, label: str | int) -> tuple[int, Config]:
        components: list[Config] = self._config[side]
        if isinstance(label, int):
            if 0 <= label < len(components):
                return label, components[label]
            raise IndexError(f"the app has {len(components)} {side}; there is no {side} {label}")
        for i, config in enumerate(components):
            if config["label"] == label:
                return i, config
        names = ", ".join(repr(c["label"]) for c in components) or "none"
        other = "outputs" if side == "inputs" else "inputs"
        hint = f" ({label!r} is one of the {other})" if label in self._labels(other) else ""
        raise LookupError(f"no {side[:-1]} labelled {label!r}{hint}; the {side} are: {names}")

    def _labels(self, side: str) -> list[str]:
        return [c["label"] for c in self._config[side]]
