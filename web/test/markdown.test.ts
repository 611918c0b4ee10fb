// DOMPurify needs a DOM, which Node lacks (and jsdom is not a dependency), so the
// real sanitizing is checked in the browser tests. Here: without a DOM the one
// HTML path must fall back to plain text, never pass HTML through unsanitized.
import assert from "node:assert/strict";
import { test } from "node:test";
import { setHtml, setMarkdown } from "../src/markdown";

function fakeTarget(): Element & { textContent: string } {
  return { textContent: "" } as unknown as Element & { textContent: string };
}

test("setHtml without a DOM shows the HTML as text", () => {
  const target = fakeTarget();
  setHtml(target, "<img src=x onerror=alert(1)>");
  assert.equal(target.textContent, "<img src=x onerror=alert(1)>");
});

test("setMarkdown without a DOM shows marked's output as text", () => {
  const target = fakeTarget();
  setMarkdown(target, "*hi*");
  assert.equal(target.textContent.trim(), "<p><em>hi</em></p>");
});
