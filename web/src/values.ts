// Pure helpers that turn config values into what the page shows and back.
// No DOM here, so the unit tests run them under Node.

import type { ComponentConfig, Json } from "./protocol";

/** A choice as the page keeps it: what the user sees, and the value sent to Python. */
export type Choice = readonly [display: string, value: Json];

/** Text for a value shown in a text box or an output: null shows as empty. */
export function toText(value: Json): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Pretty JSON for the json output; undefined never reaches here, null shows as "null". */
export function prettyJson(value: Json): string {
  return JSON.stringify(value, null, 2);
}

/**
 * Normalise `props.choices`. Python sends [[display, value], ...]; a bare value
 * (or a one-item list) is accepted too and shows as its own text.
 */
export function toChoices(raw: Json | undefined): Choice[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item): Choice => {
    if (Array.isArray(item) && item.length === 2 && typeof item[0] === "string") {
      return [item[0], item[1] ?? null];
    }
    return [toText(item), item];
  });
}

/** Structural equality for JSON values (choice values can be numbers, strings, ...). */
export function sameJson(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Index of the choice whose value equals `value`, or -1. */
export function choiceIndex(choices: readonly Choice[], value: Json): number {
  return choices.findIndex(([, v]) => sameJson(v, value));
}

/** The value list of a multi-valued input (checkboxgroup, multiselect); anything else is []. */
export function toList(value: Json): Json[] {
  if (Array.isArray(value)) return value;
  return value === null ? [] : [value];
}

/** The indices of the choices `value` picks, in its order (Gradio keeps the pick order). */
export function pickedIndices(choices: readonly Choice[], value: Json): number[] {
  const order: number[] = [];
  for (const wanted of toList(value)) {
    const i = choiceIndex(choices, wanted);
    if (i >= 0 && !order.includes(i)) order.push(i);
  }
  return order;
}

/** `order` brought up to date with what is selected now: earlier picks keep their place, new ones go last. */
export function keepPickOrder(order: readonly number[], selected: readonly number[]): number[] {
  return [...order.filter((i) => selected.includes(i)), ...selected.filter((i) => !order.includes(i))];
}

/**
 * The range slider's position for what the user typed in the slider's box, or
 * null when it is not a number yet (the raw text still goes to Python, which
 * reports the error).
 */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/**
 * What the Clear button sets a component to: as in Gradio, each gets its postprocess(None),
 * which is empty except for a slider (its minimum), a checkbox (false) and a table (its
 * headers, no rows).
 */
export function clearedValue(config: ComponentConfig | undefined): Json {
  switch (config?.type) {
    case "chatbot":
      return [];
    case "dataframe": {
      // The table keeps its headers (those it started with) and loses its rows.
      const value = config.value;
      const headers = value !== null && typeof value === "object" && !Array.isArray(value) ? value["headers"] : null;
      return { headers: Array.isArray(headers) ? headers : [], data: [], metadata: null };
    }
    case "slider":
      return config.props.minimum;
    case "checkbox":
      return false;
    case "checkboxgroup":
      return [];
    case "label":
      return {};
    default:
      return null;
  }
}

/** A numeric prop, or the fallback when it is missing or not a number. */
export function numberProp(props: { [key: string]: Json }, key: string, fallback: number): number {
  const v = props[key];
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

/** "87%" style text for a confidence in [0, 1]; keeps one decimal below 10%. */
export function percent(confidence: number): string {
  const p = Math.max(0, Math.min(1, confidence)) * 100;
  return `${p < 10 && p > 0 ? p.toFixed(1) : Math.round(p)}%`;
}

export interface Confidence {
  label: string;
  confidence: number;
}

export interface LabelValue {
  label: string | null;
  confidences: Confidence[];
}

/** Read a label output value defensively; null (or junk) means "show nothing". */
export function toLabelValue(value: Json): LabelValue | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const label = typeof value["label"] === "string" ? value["label"] : null;
  const raw = Array.isArray(value["confidences"]) ? value["confidences"] : [];
  const confidences: Confidence[] = [];
  for (const item of raw) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) continue;
    const name = item["label"];
    const conf = item["confidence"];
    if (typeof conf !== "number") continue;
    confidences.push({ label: toText(name ?? null), confidence: conf });
  }
  confidences.sort((a, b) => b.confidence - a.confidence);
  return { label: label ?? confidences[0]?.label ?? null, confidences };
}

/**
 * Remove the indentation common to all non-blank lines, like Python's
 * textwrap.dedent: inline code in HTML is usually indented with its element.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let prefix: string | null = null;
  for (const line of lines) {
    if (line.trim() === "") continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
    if (prefix === null) {
      prefix = indent;
    } else {
      let i = 0;
      while (i < prefix.length && i < indent.length && prefix[i] === indent[i]) i++;
      prefix = prefix.slice(0, i);
    }
  }
  const cut = prefix?.length ?? 0;
  const out = lines.map((line) => (line.trim() === "" ? "" : line.slice(cut)));
  // Leading blank lines come from the line break after the opening tag.
  while (out.length > 0 && out[0] === "") out.shift();
  return out.join("\n");
}

/** One requirement per line; blank lines and # comments are skipped. */
export function parseRequirements(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter((line) => line !== "");
}
