// Output components: each is an <output> (a labelable element) with a
// <label for>, so get_by_label finds it and its text is the rendered value.

import { h } from "../dom";
import { setHtml, setMarkdown } from "../markdown";
import type { ComponentConfig, Json } from "../protocol";
import { numberProp, percent, prettyJson, toLabelValue, toText } from "../values";
import { block } from "./block";

export interface OutputField {
  readonly config: ComponentConfig;
  readonly root: HTMLElement;
  set(value: Json): void;
  /** The value last set, page form (the JS API and the testing kit read it). */
  get(): Json;
  setPending(pending: boolean): void;
}

type Renderer = (output: HTMLOutputElement, value: Json) => void;

const renderers: Record<string, Renderer> = {
  json: (output, value) => {
    output.replaceChildren(h("pre", { class: "lite-json" }, value === null ? "" : prettyJson(value)));
  },
  label: renderLabel,
  markdown: (output, value) => setMarkdown(output, toText(value)),
  html: (output, value) => setHtml(output, toText(value)),
};

function renderText(output: HTMLOutputElement, value: Json): void {
  // Lists (checkboxgroup, multiselect) read best as "a, b".
  output.textContent = Array.isArray(value) ? value.map(toText).join(", ") : toText(value);
}

export function createOutput(config: ComponentConfig): OutputField {
  const b = block(config, true);
  const output = h("output", {
    id: b.controlId,
    class: `lite-output lite-output-${config.type}`,
  });
  if (b.describedBy.length > 0) output.setAttribute("aria-describedby", b.describedBy.join(" "));
  if (config.type === "textbox") {
    const lines = numberProp(config.props, "lines", 1);
    output.style.setProperty("--lite-lines", String(lines));
  }
  b.root.append(output);
  const render = renderers[config.type] ?? renderText;
  let shown: Json = null;
  const field: OutputField = {
    config,
    root: b.root,
    set: (value) => {
      shown = value;
      render(output, value);
    },
    get: () => shown,
    setPending: (pending) => {
      b.root.classList.toggle("lite-pending", pending);
      if (pending) output.setAttribute("aria-busy", "true");
      else output.removeAttribute("aria-busy");
    },
  };
  field.set(config.value);
  return field;
}

/** The top label, then one bar per class with its percentage, highest first. */
function renderLabel(output: HTMLOutputElement, value: Json): void {
  const label = toLabelValue(value);
  if (label === null) {
    output.replaceChildren();
    return;
  }
  const bars = label.confidences.map(({ label: name, confidence }) => {
    const bar = h("span", { class: "lite-bar-fill" });
    bar.style.width = `${Math.max(0, Math.min(1, confidence)) * 100}%`;
    return h(
      "div",
      { class: "lite-bar" },
      h("span", { class: "lite-bar-name" }, name),
      h("span", { class: "lite-bar-track", "aria-hidden": "true" }, bar),
      h("span", { class: "lite-bar-value" }, percent(confidence)),
    );
  });
  output.replaceChildren(h("div", { class: "lite-top-label" }, label.label ?? ""), ...bars);
}
