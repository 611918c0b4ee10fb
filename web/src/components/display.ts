// JSON, Label, Markdown and HTML: components that show a function's result.
// Markdown and HTML go through markdown.ts, the one sanitising path.

import { h } from "../dom";
import { setHtml, setMarkdown } from "../markdown";
import type { Json } from "../protocol";
import { percent, prettyJson, toLabelValue, toText } from "../values";
import { outputWidget } from "./widgets";
import { type ComponentModule, defineComponent } from "./types";

type NoProps = Record<string, never>;

export const json: ComponentModule<NoProps> = defineComponent<NoProps>({
  output: (_config, b) =>
    outputWidget(b, "json", (output, value) => {
      output.replaceChildren(h("pre", { class: "lite-json" }, value === null ? "" : prettyJson(value)));
    }),
});

export const markdown: ComponentModule<NoProps> = defineComponent<NoProps>({
  output: (_config, b) => outputWidget(b, "markdown", (output, value) => setMarkdown(output, toText(value))),
});

export const html: ComponentModule<NoProps> = defineComponent<NoProps>({
  output: (_config, b) => outputWidget(b, "html", (output, value) => setHtml(output, toText(value))),
});

export const label: ComponentModule<NoProps> = defineComponent<NoProps>({
  output: (_config, b) => outputWidget(b, "label", renderLabel),
});

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
