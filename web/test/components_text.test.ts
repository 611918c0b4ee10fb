// The pure helpers of the text components (no DOM needed).

import assert from "node:assert/strict";
import { test } from "node:test";
import { fileName, groupByRole, toMessages } from "../src/components/chatbot";
import { grammarFor } from "../src/components/code";
import { toHex } from "../src/components/colorpicker";
import { fromPicker, toPicker } from "../src/components/datetime";
import { categoryColors, scoreColor, toTokens } from "../src/components/highlightedtext";

test("grammarFor maps Gradio's language names and falls back to plain text", () => {
  assert.notEqual(grammarFor("python"), null);
  assert.equal(grammarFor("python"), grammarFor("python"));
  assert.equal(grammarFor("sql-pgSQL"), grammarFor("sql"));
  assert.equal(grammarFor("cpp"), grammarFor("c"));
  assert.equal(grammarFor("latex"), null);
  assert.equal(grammarFor(null), null);
});

test("toHex accepts #rgb and #rrggbb, with or without #, and nothing else", () => {
  assert.equal(toHex("#0C0"), "#00cc00");
  assert.equal(toHex(" ff8800 "), "#ff8800");
  assert.equal(toHex("#ff88"), null);
  assert.equal(toHex("red"), null);
});

test("the date picker's value and Gradio's text convert both ways", () => {
  assert.equal(fromPicker("2024-05-01T13:45", true), "2024-05-01 13:45:00");
  assert.equal(fromPicker("2024-05-01T13:45:07", true), "2024-05-01 13:45:07");
  assert.equal(fromPicker("2024-05-01", false), "2024-05-01");
  assert.equal(toPicker("2024-05-01 13:45:07", true), "2024-05-01T13:45:07");
  assert.equal(toPicker("2024-05-01", true), "2024-05-01T00:00:00");
  assert.equal(toPicker("2024-05-01 13:45:07", false), "2024-05-01");
  assert.equal(toPicker("now - 2h", true), null);
});

test("toTokens keeps well-formed tokens only", () => {
  const tokens = toTokens([
    { token: "a", class_or_confidence: "X" },
    { token: "b", class_or_confidence: 0.5 },
    { token: "c" },
    { token: 3, class_or_confidence: null },
    ["d", "Y"],
  ]);
  assert.deepEqual(tokens, [
    { token: "a", class_or_confidence: "X" },
    { token: "b", class_or_confidence: 0.5 },
    { token: "c", class_or_confidence: null },
  ]);
  assert.deepEqual(toTokens(null), []);
});

test("categories get the app's colours first, then Gradio's palette in order", () => {
  const colors = categoryColors(toTokens([{ token: "a", class_or_confidence: "A" }, { token: "b", class_or_confidence: "B" }]), {
    A: "#123456",
  });
  assert.deepEqual(colors.get("A"), { label: "#123456", background: "color-mix(in srgb, #123456 50%, white)" });
  assert.deepEqual(colors.get("B"), { label: "#22c55e", background: "#86efac" }); // 2nd: green
  assert.equal(scoreColor(-0.5), "rgba(128, 90, 213, 0.5)");
  assert.equal(scoreColor(3), "rgba(239, 68, 60, 1)");
});

test("chat messages read defensively and group by role", () => {
  const messages = toMessages([
    { role: "user", content: "hi" },
    { role: "assistant", content: [{ type: "text", text: "a" }], metadata: null },
    { role: "assistant", content: [{ type: "text", text: "b" }] },
    "junk",
  ]);
  assert.deepEqual(messages[0], { role: "user", content: [{ type: "text", text: "hi" }], metadata: null });
  assert.deepEqual(
    groupByRole(messages, true).map((run) => run.length),
    [1, 2],
  );
  assert.deepEqual(
    groupByRole(messages, false).map((run) => run.length),
    [1, 1, 1],
  );
});

test("a chat file is named by its orig_name, else by its path (Python sends none, as Gradio)", () => {
  const file = { _type: "file", path: "/tmp/x/pixels.png", url: "blob:a", orig_name: null, size: 81, mime_type: "image/png", buffer: 0 } as const;
  assert.equal(fileName(file), "pixels.png");
  assert.equal(fileName({ ...file, orig_name: "dots.png" }), "dots.png");
  assert.equal(fileName({ ...file, path: null }), "file");
});
