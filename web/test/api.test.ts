import assert from "node:assert/strict";
import { test } from "node:test";
import { endpointOf, LiteError, predictInputs, resultError } from "../src/api";
import type { AppConfig, ComponentConfig } from "../src/protocol";

function input(id: number, label: string, value: ComponentConfig["value"]): ComponentConfig {
  return { id, type: "textbox", label, show_label: true, info: null, visible: true, interactive: true, value, props: { lines: 1, max_lines: 20, placeholder: null, type: "text" } };
}

const config: AppConfig = {
  title: null,
  description: null,
  article: null,
  inputs: [input(1, "name", "Ada"), input(2, "Score", 3)],
  outputs: [],
  examples: null,
  live: false,
  submit_btn: "Submit",
  clear_btn: "Clear",
  api_name: "greet",
  stop_btn: null,
  show_progress: "full",
  css: null,
  theme: null,
  flagging_mode: "never",
  flagging_options: [],
};

test("predict takes a list in input order, with or without the endpoint", () => {
  assert.equal(endpointOf(config), "/greet");
  assert.deepEqual(predictInputs(config, [["Bo", 5]]), ["Bo", 5]);
  assert.deepEqual(predictInputs(config, ["/greet", ["Bo", 5]]), ["Bo", 5]);
});

test("predict by label fills the labels left out with their initial values", () => {
  assert.deepEqual(predictInputs(config, [{ Score: 9 }]), ["Ada", 9]);
  assert.deepEqual(predictInputs(config, ["/greet", { name: null }]), [null, 3]);
});

test("a call that does not fit the app says what the app takes", () => {
  assert.throws(() => predictInputs(config, ["/predict", []]), /no endpoint "\/predict"; its endpoint is "\/greet"/);
  assert.throws(() => predictInputs(config, [["only one"]]), /takes 2 input value\(s\) \("name", "Score"\); got 1/);
  assert.throws(() => predictInputs(config, [{ Nmae: "x" }]), /No input labelled "Nmae"; the inputs are "name", "Score"/);
  assert.throws(() => predictInputs(config, [42]), /list of values or an object keyed by label/);
});

test("errors read like Python's: the class as name, the message as message", () => {
  const err = new LiteError({ kind: "exception", type: "ZeroDivisionError", message: "division by zero", traceback: "tb" });
  assert.equal(String(err), "ZeroDivisionError: division by zero");
  assert.equal(err.traceback, "tb");
  const invalid = resultError(config, null, [{ index: 1, message: "Expected a number." }]);
  assert.equal(invalid.message, "Score: Expected a number.");
  assert.deepEqual(invalid.inputErrors, [{ index: 1, message: "Expected a number." }]);
});
