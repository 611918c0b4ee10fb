import assert from "node:assert/strict";
import { test } from "node:test";
import { csvField, flagText, pyJson, pyTimestamp, sanitize, toCsv } from "../src/csv";

test("pyJson writes what Python's json.dumps writes", () => {
  assert.equal(pyJson({ a: [1, 2.5, null, true], "é": "ü" }), '{"a": [1, 2.5, null, true], "\\u00e9": "\\u00fc"}');
  assert.equal(pyJson(Number.NaN), "NaN");
});

test("flagText keeps strings and dumps the rest", () => {
  assert.equal(flagText("hi"), "hi");
  assert.equal(flagText(3), "3");
  assert.equal(flagText(["a", "b"]), '["a", "b"]');
});

test("sanitize guards formulas like Gradio", () => {
  assert.equal(sanitize("=SUM(A1)"), "'=SUM(A1)");
  assert.equal(sanitize("a,-b"), "'a,-b");
  assert.equal(sanitize("plain"), "plain");
  assert.equal(sanitize("[1,2]"), "[1, 2]");
});

test("toCsv quotes minimally and ends rows with CRLF", () => {
  assert.equal(csvField('say "hi", then go'), '"say ""hi"", then go"');
  assert.equal(toCsv([["name", "output"], ["Ada", "a\nb"]]), 'name,output\r\n"Ada","a\nb"\r\n'.replace('"Ada"', "Ada"));
});

test("pyTimestamp looks like str(datetime.now())", () => {
  assert.match(pyTimestamp(new Date(2026, 10, 27, 9, 5, 3, 42)), /^2026-11-27 09:05:03\.042000$/);
});
