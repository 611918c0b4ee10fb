// Gradio's Interface layout: title, description, a row with the inputs column
// (inputs, Clear + Submit, examples) and the outputs column, then the article.

import { h } from "../dom";
import { isFileData } from "../files";
import { setMarkdown } from "../markdown";
import type { AppConfig, Json } from "../protocol";
import { toText } from "../values";
import { createInput, createOutput, type InputField, type OutputField } from "./component";

export interface InterfaceView {
  root: HTMLElement;
  inputs: InputField[];
  outputs: OutputField[];
  clear: HTMLButtonElement | null;
  /** Where an event's error panel goes, next to the outputs. */
  errors: HTMLElement;
  /** Called with an example row's values when the user picks it. */
  onExample: (listener: (row: Json[]) => void) => void;
}

export function renderInterface(config: AppConfig): InterfaceView {
  const inputs = config.inputs.map(createInput);
  const outputs = config.outputs.map(createOutput);

  const buttons = h("div", { class: "lite-buttons" });
  const clear =
    config.clear_btn === null
      ? null
      : h("button", { type: "button", class: "lite-btn lite-btn-secondary" }, config.clear_btn);
  // Live apps run on every change, so Gradio shows no Submit button for them.
  const submit = config.live
    ? null
    : h("button", { type: "submit", class: "lite-btn lite-btn-primary" }, config.submit_btn);
  buttons.append(...[clear, submit].filter((b) => b !== null));

  // A <form> so Enter and the Submit button behave as users expect; the app
  // decides what submitting does.
  const form = h("form", { class: "lite-col lite-inputs", novalidate: true }, ...inputs.map((f) => f.root));
  if (buttons.childElementCount > 0) form.append(buttons);

  const exampleListeners: ((row: Json[]) => void)[] = [];
  if (config.examples && config.examples.rows.length > 0) {
    form.append(examplesTable(config.examples.headers, config.examples.rows, (row) => {
      for (const listener of exampleListeners) listener(row);
    }));
  }

  const errors = h("div", { class: "lite-errors" });
  const outputCol = h("div", { class: "lite-col lite-outputs" }, ...outputs.map((f) => f.root), errors);

  const root = h("div", { class: "lite-app" });
  if (config.title) root.append(h("h1", { class: "lite-title" }, config.title));
  if (config.description) root.append(markdown("lite-description", config.description));
  root.append(h("div", { class: "lite-row" }, form, outputCol));
  if (config.article) root.append(markdown("lite-article", config.article));

  return {
    root,
    inputs,
    outputs,
    clear,
    errors,
    onExample: (listener) => exampleListeners.push(listener),
  };
}

function markdown(cls: string, text: string): HTMLElement {
  const el = h("div", { class: `lite-md ${cls}` });
  setMarkdown(el, text);
  return el;
}

/**
 * Examples as a table; every cell is a button that loads its row, so the table
 * stays a table for screen readers and each row can be picked by keyboard.
 */
function examplesTable(headers: string[], rows: Json[][], pick: (row: Json[]) => void): HTMLElement {
  const head = h("tr", {}, ...headers.map((text) => h("th", { scope: "col" }, text)));
  const body = h("tbody");
  for (const row of rows) {
    const tr = h("tr");
    for (const value of row) {
      const button = h("button", { type: "button", class: "lite-example" }, exampleText(value));
      button.addEventListener("click", () => pick(row));
      tr.append(h("td", {}, button));
    }
    body.append(tr);
  }
  return h(
    "section",
    { class: "lite-examples" },
    h("h2", { class: "lite-examples-title" }, "Examples"),
    h("div", { class: "lite-table-wrap" }, h("table", {}, h("thead", {}, head), body)),
  );
}

function exampleText(value: Json): string {
  if (Array.isArray(value)) return value.map(exampleText).join(", ");
  // A file shows as its name, as in Gradio's examples table.
  if (isFileData(value)) return value.orig_name ?? value.path ?? "";
  // A table (a Dataframe's {headers, data}) shows its first rows: "a, 1; b, 2; …".
  if (value !== null && typeof value === "object" && Array.isArray(value["data"]) && "headers" in value) {
    const rows = value["data"];
    const shown = rows.slice(0, 3).map((row) => (Array.isArray(row) ? row.map(toText).join(", ") : toText(row)));
    return [...shown, ...(rows.length > 3 ? ["…"] : [])].join("; ");
  }
  return toText(value);
}
