// HighlightedText: text spans coloured by category (with the category shown inline or
// in a legend), or by a confidence in [-1, 1] (red for positive, purple for negative),
// as Gradio draws them. Tokens are text nodes; colours only ever go into style values.

import { h } from "../dom";
import type { Json } from "../protocol";
import styles from "./highlightedtext.css";
import { outputWidget } from "./widgets";
import { type Config, defineComponent, type Widget } from "./types";

export interface Props {
  color_map: { [category: string]: string };
  show_legend: boolean;
  show_inline_category: boolean;
  rtl: boolean;
}

export interface Token {
  token: string;
  class_or_confidence: string | number | null;
}

interface Colors {
  label: string;
  background: string;
}

// Gradio's named colours (its theme's palette), in the order categories get them.
const PALETTE: Record<string, [string, string]> = {
  red: ["#ef4444", "#fca5a5"],
  green: ["#22c55e", "#86efac"],
  blue: ["#3b82f6", "#93c5fd"],
  yellow: ["#eab308", "#fde047"],
  purple: ["#a855f7", "#d8b4fe"],
  teal: ["#14b8a6", "#5eead4"],
  orange: ["#f97316", "#fdba74"],
  cyan: ["#06b6d4", "#67e8f9"],
  lime: ["#84cc16", "#bef264"],
  pink: ["#ec4899", "#f9a8d4"],
};
const ORDER = Object.keys(PALETTE);

/** The page value as tokens; anything malformed is skipped rather than shown wrong. */
export function toTokens(value: Json): Token[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): Token[] => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return [];
    const token = item["token"];
    const label = item["class_or_confidence"] ?? null;
    if (typeof token !== "string") return [];
    if (label !== null && typeof label !== "string" && typeof label !== "number") return [];
    return [{ token, class_or_confidence: label }];
  });
}

/** Colours for every category: the app's color_map first, then Gradio's palette in order.
 *  A colour of the app's own is tinted with white (Gradio's 50% alpha on a light page),
 *  so the dark token text stays readable in the dark scheme too. */
export function categoryColors(tokens: Token[], colorMap: Props["color_map"]): Map<string, Colors> {
  const names: Record<string, string> = { ...colorMap };
  for (const { class_or_confidence: label } of tokens) {
    if (typeof label === "string" && !(label in names)) names[label] = ORDER[Object.keys(names).length % ORDER.length] as string;
  }
  const colors = new Map<string, Colors>();
  for (const [category, raw] of Object.entries(names)) {
    const color = raw.trim();
    const named = PALETTE[color];
    colors.set(
      category,
      named
        ? { label: named[0], background: named[1] }
        : { label: color, background: `color-mix(in srgb, ${color} 50%, white)` },
    );
  }
  return colors;
}

/** Gradio's score colour: red with the score as alpha, purple for negative scores. */
export function scoreColor(score: number): string {
  const alpha = Math.min(1, Math.abs(score));
  return score < 0 ? `rgba(128, 90, 213, ${alpha})` : `rgba(239, 68, 60, ${alpha})`;
}

function render(output: HTMLOutputElement, value: Json, props: Props): void {
  const tokens = toTokens(value);
  const scores = tokens.some((t) => typeof t.class_or_confidence === "number");
  const colors = categoryColors(scores ? [] : tokens, props.color_map);
  const field = h("div", { class: "lite-ht-text" });
  for (const { token, class_or_confidence: label } of tokens) {
    token.split("\n").forEach((line, i) => {
      if (i > 0) field.append(h("br"));
      if (line === "") return;
      if (label === null) {
        field.append(h("span", { class: "lite-ht-token" }, line));
        return;
      }
      const span = h("span", { class: "lite-ht-token lite-ht-highlighted" }, line);
      if (scores) {
        const score = typeof label === "number" ? label : Number.parseFloat(label);
        if (Number.isFinite(score)) span.style.background = scoreColor(score);
        span.title = String(label);
      } else {
        const color = colors.get(String(label));
        if (color) span.style.background = color.background;
        span.classList.add("lite-ht-category"); // light background: dark text
        span.dataset["category"] = String(label);
        if (!props.show_legend && props.show_inline_category) {
          const chip = h("span", { class: "lite-ht-label" }, String(label));
          if (color) chip.style.background = color.label;
          span.append(chip);
        }
      }
      field.append(span);
    });
  }
  const legend = !props.show_legend
    ? null
    : scores
      ? h("div", { class: "lite-ht-legend lite-ht-scores" }, h("span", {}, "-1"), h("span", {}, "0"), h("span", {}, "+1"))
      : h(
          "div",
          { class: "lite-ht-legend" },
          ...[...colors].map(([category, color]) => {
            const item = h("span", { class: "lite-ht-legend-item" }, category);
            item.style.background = color.background;
            return item;
          }),
        );
  output.replaceChildren(...(legend ? [legend] : []), field);
}

function widget(config: Config<Props>, b: Parameters<typeof outputWidget>[0]): Widget {
  const w = outputWidget(b, "highlightedtext", (output, value) => render(output, value, config.props));
  if (config.props.rtl) w.output.dir = "rtl";
  return w;
}

export default defineComponent<Props>({
  css: styles,
  // The input form shows its value read-only, and sends it back as it came.
  input: widget,
  output: widget,
});
