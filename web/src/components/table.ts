// The Dataframe's data, without the DOM (so the unit tests run it under Node): the
// page form Python sends and gets back, blank rows, and the order a sort shows.

import type { Json } from "../protocol";

/** Gradio's page form for a Dataframe value. */
export interface Table {
  headers: string[];
  data: Json[][];
  /** display_value: text to show instead of the value (from a pandas Styler). */
  display: string[][] | null;
}

const isRecord = (value: Json): value is { [key: string]: Json } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The page form from any value (null, a bad shape): rows padded to one width. */
export function toTable(value: Json): Table {
  const raw = isRecord(value) ? value : {};
  const rows = Array.isArray(raw["data"]) ? raw["data"] : [];
  const data = rows.map((row) => (Array.isArray(row) ? [...row] : [row]));
  const headers = (Array.isArray(raw["headers"]) ? raw["headers"] : []).map((h) =>
    h === null ? "" : String(h),
  );
  const width = Math.max(headers.length, ...data.map((row) => row.length));
  for (const row of data) while (row.length < width) row.push(null);
  while (headers.length < width) headers.push(String(headers.length + 1));
  const metadata = raw["metadata"] ?? null;
  const shown = isRecord(metadata) ? metadata["display_value"] : null;
  const display = Array.isArray(shown) ? shown.map((row) => (Array.isArray(row) ? row.map(String) : [])) : null;
  return { headers, data, display };
}

/** A column's datatype from the prop (one for all, or one per column). */
export function datatypeOf(datatype: string | string[], column: number): string {
  return Array.isArray(datatype) ? (datatype[column] ?? "str") : datatype;
}

/** A new row: unticked for bool columns, empty text elsewhere (as Gradio adds them). */
export function blankRow(types: readonly string[]): Json[] {
  return types.map((type) => (type === "bool" ? false : ""));
}

/** Sortable form of a cell: numbers compare as numbers, empty cells go last. */
function key(value: Json, numeric: boolean): number | string | null {
  if (value === null || value === "") return null;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (numeric && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** Row indices in the order a sort on `column` shows them (stable; empty cells last). */
export function sortOrder(data: readonly Json[][], column: number, descending: boolean, datatype: string): number[] {
  const numeric = datatype === "number" || datatype === "bool";
  const keys = data.map((row) => key(row[column] ?? null, numeric));
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  const order = data.map((_, i) => i);
  order.sort((a, b) => {
    const x = keys[a] ?? null;
    const y = keys[b] ?? null;
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    let result: number;
    if (typeof x === "number" && typeof y === "number") result = x - y;
    else if (typeof x === "number") result = -1; // numbers before text
    else if (typeof y === "number") result = 1;
    else result = collator.compare(x, y);
    return (descending ? -result : result) || a - b;
  });
  return order;
}

/** The rows (of `view`, else all, in that order) with a cell containing `query`, any case. */
export function matching(data: readonly Json[][], query: string, view: number[] | null = null): number[] {
  const wanted = query.trim().toLowerCase();
  const rows = view ?? data.map((_, i) => i);
  return rows.filter((i) => data[i]?.some((cell) => cellText(cell).toLowerCase().includes(wanted)));
}

/** A cell's text for display and editing; max_chars truncates what is shown. */
export function cellText(value: Json, maxChars: number | null = null): string {
  const text = value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  return maxChars !== null && maxChars > 0 && text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
