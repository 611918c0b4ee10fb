import assert from "node:assert/strict";
import { test } from "node:test";
import {
  choiceIndex,
  clearedValue,
  dedent,
  keepPickOrder,
  numberProp,
  parseNumber,
  parseRequirements,
  percent,
  pickedIndices,
  prettyJson,
  sameJson,
  toChoices,
  toLabelValue,
  toList,
  toText,
} from "../src/values";

test("toText shows null as empty and keeps strings as they are", () => {
  assert.equal(toText(null), "");
  assert.equal(toText("a <b>"), "a <b>");
  assert.equal(toText(3.5), "3.5");
  assert.equal(toText(false), "false");
  assert.equal(toText([1, "x"]), '[1,"x"]');
});

test("prettyJson indents by two", () => {
  assert.equal(prettyJson({ a: [1] }), '{\n  "a": [\n    1\n  ]\n}');
});

test("toChoices accepts pairs and bare values", () => {
  assert.deepEqual(toChoices([["Red", "r"], ["Green", 2]]), [["Red", "r"], ["Green", 2]]);
  assert.deepEqual(toChoices(["S", 3]), [["S", "S"], ["3", 3]]);
  assert.deepEqual(toChoices(null), []);
  assert.deepEqual(toChoices(undefined), []);
});

test("choiceIndex compares values structurally", () => {
  const choices = toChoices([["one", 1], ["pair", [1, 2]]]);
  assert.equal(choiceIndex(choices, 1), 0);
  assert.equal(choiceIndex(choices, [1, 2]), 1);
  assert.equal(choiceIndex(choices, "1"), -1);
  assert.ok(sameJson({ a: 1 }, { a: 1 }));
});

test("toList wraps single values and drops null", () => {
  assert.deepEqual(toList(null), []);
  assert.deepEqual(toList("a"), ["a"]);
  assert.deepEqual(toList(["a", "b"]), ["a", "b"]);
});

test("parseNumber reads numbers and rejects the rest", () => {
  assert.equal(parseNumber(" 4.5 "), 4.5);
  assert.equal(parseNumber("-2"), -2);
  assert.equal(parseNumber(""), null);
  assert.equal(parseNumber("abc"), null);
  assert.equal(parseNumber("Infinity"), null);
});

test("numberProp falls back for missing or non-numeric props", () => {
  assert.equal(numberProp({ lines: 3 }, "lines", 1), 3);
  assert.equal(numberProp({ lines: null }, "lines", 1), 1);
  assert.equal(numberProp({}, "lines", 1), 1);
});

test("percent rounds, keeps a decimal for small values, clamps", () => {
  assert.equal(percent(0.873), "87%");
  assert.equal(percent(0.055), "5.5%");
  assert.equal(percent(0), "0%");
  assert.equal(percent(1.2), "100%");
});

test("toLabelValue sorts confidences and defaults the top label", () => {
  const v = toLabelValue({
    label: null,
    confidences: [
      { label: "dog", confidence: 0.2 },
      { label: "cat", confidence: 0.8 },
    ],
  });
  assert.deepEqual(v, {
    label: "cat",
    confidences: [
      { label: "cat", confidence: 0.8 },
      { label: "dog", confidence: 0.2 },
    ],
  });
  assert.equal(toLabelValue(null), null);
  assert.equal(toLabelValue("junk"), null);
  assert.deepEqual(toLabelValue({ label: "x", confidences: [] }), { label: "x", confidences: [] });
});

test("dedent removes common indentation and leading blank lines", () => {
  const code = "\n    import gradio as gr\n\n    def f(x):\n        return x\n  ";
  assert.equal(dedent(code), "import gradio as gr\n\ndef f(x):\n    return x\n");
  assert.equal(dedent("a\n  b"), "a\n  b");
  assert.equal(dedent("\t\tx\r\n\t\ty"), "x\ny");
});

test("parseRequirements skips blanks and comments", () => {
  assert.deepEqual(parseRequirements("\n numpy \n# comment\nfoo==1.0  # pinned\n\n"), ["numpy", "foo==1.0"]);
});

test("picked choices keep the order they were picked in, as on Gradio's page", () => {
  const choices = toChoices(["a", "b", "c"]);
  assert.deepEqual(pickedIndices(choices, ["c", "a", "c", "zz"]), [2, 0]);
  assert.deepEqual(pickedIndices(choices, null), []);
  assert.deepEqual(pickedIndices(choices, "b"), [1]);
  // c was picked first; then a; then c was unticked and b ticked.
  assert.deepEqual(keepPickOrder([2], [0, 2]), [2, 0]);
  assert.deepEqual(keepPickOrder([2, 0], [0, 1]), [0, 1]);
});

test("Clear gives each component Gradio's postprocess(None)", () => {
  const base = { id: 1, label: "x", show_label: true, info: null, visible: true, interactive: true, value: null };
  const textbox = { lines: 1, max_lines: 20, placeholder: null, type: "text" } as const;
  assert.equal(clearedValue({ ...base, type: "textbox", props: textbox }), null);
  assert.equal(clearedValue({ ...base, type: "checkbox", props: {} }), false);
  assert.deepEqual(clearedValue({ ...base, type: "checkboxgroup", props: { choices: [] } }), []);
  assert.deepEqual(clearedValue({ ...base, type: "label", props: {} }), {});
  const number = { minimum: 3, maximum: null, step: 1, precision: null, placeholder: null };
  assert.equal(clearedValue({ ...base, type: "number", props: number }), null);
  assert.equal(clearedValue({ ...base, type: "slider", props: { minimum: 2, maximum: 9, step: 1 } }), 2);
  type Config = Parameters<typeof clearedValue>[0];
  assert.deepEqual(clearedValue({ ...base, type: "chatbot", props: {} } as unknown as Config), []);
  const table = { headers: ["a", "b"], data: [[1, 2]], metadata: null };
  const dataframe = { ...base, type: "dataframe", props: {}, value: table } as unknown as Config;
  assert.deepEqual(clearedValue(dataframe), { headers: ["a", "b"], data: [], metadata: null });
  assert.equal(clearedValue(undefined), null);
});
