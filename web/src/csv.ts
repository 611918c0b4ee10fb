// Flagged rows as Gradio's CSVLogger writes them (dataset1.csv): each value as
// Component.flag() turns it into text (strings as they are, anything else as Python's
// json.dumps would write it), CSV-injection guarded like Gradio's
// sanitize_value_for_csv, and rows joined the way Python's csv.writer joins them.

import type { Json } from "./protocol";

/** Python's json.dumps with its defaults: ", " and ": " separators, ASCII only. */
export function pyJson(value: Json): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return String(value);
  }
  if (typeof value === "string") {
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  }
  if (Array.isArray(value)) return `[${value.map(pyJson).join(", ")}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${pyJson(k)}: ${pyJson(v)}`)
    .join(", ")}}`;
}

/** What Component.flag() stores for a page value. */
export function flagText(value: Json): string {
  return typeof value === "string" ? value : pyJson(value);
}

/** Gradio's guard against CSV injection: formulas start with a quote. */
export function sanitize(value: string): string {
  if (value.startsWith("{") || value.startsWith("[")) {
    try {
      return pyJson(JSON.parse(value) as Json);
    } catch {
      // not JSON: treated as text below
    }
  }
  const unsafeStart = ["=", "+", "-", "@", "\t", "\n"].some((p) => value.startsWith(p));
  const unsafeInside = [",=", ",+", ",-", ",@", ",\t", ",\n"].some((s) => value.includes(s));
  return unsafeStart || unsafeInside ? `'${value}` : value;
}

/** One field as csv.writer writes it (QUOTE_MINIMAL). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as csv.writer writes them: "\r\n" after every row. */
export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map((v) => csvField(sanitize(v))).join(",") + "\r\n").join("");
}

/** str(datetime.datetime.now()): local time, microseconds. */
export function pyTimestamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return `${day} ${time}.${String(date.getMilliseconds() * 1000).padStart(6, "0")}`;
}
