// The one HTML path, checked in a real DOM (jsdom): DOMPurify strips what could run,
// keeps what Markdown means, and makes links open outside the app.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><body></body>");
Object.assign(globalThis, { window: dom.window });
const { setHtml, setMarkdown } = await import("../src/markdown");

function target(): Element {
  return dom.window.document.createElement("div");
}

test("setHtml removes scripts, handlers and javascript: links", () => {
  const el = target();
  setHtml(el, `<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a><b>ok</b>`);
  assert.equal(el.querySelector("script"), null);
  assert.equal(el.querySelector("img")?.getAttribute("onerror"), null);
  assert.equal(el.querySelector("a")?.getAttribute("href"), null);
  assert.equal(el.querySelector("b")?.textContent, "ok");
});

test("setMarkdown renders Markdown and sanitises HTML inside it", () => {
  const el = target();
  setMarkdown(el, "# Title\n\n*hi* [link](https://example.org)\n\n<iframe src=x></iframe><svg onload=alert(1)>");
  assert.equal(el.querySelector("h1")?.textContent, "Title");
  assert.equal(el.querySelector("em")?.textContent, "hi");
  const link = el.querySelector("a");
  assert.equal(link?.getAttribute("target"), "_blank");
  assert.equal(link?.getAttribute("rel"), "noopener noreferrer");
  assert.equal(el.querySelector("iframe"), null);
  assert.equal(el.querySelector("svg")?.getAttribute("onload") ?? null, null);
});
