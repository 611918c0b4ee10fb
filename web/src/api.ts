// The JS API of a <gradio-lite> element: `await el.ready`, `await el.predict(...)`.
// This module holds the parts without a DOM (argument checking, error values), so
// the unit tests run them under Node; main.ts and app.ts wire them to the element.

import type { AppConfig, ErrorInfo, InputError, Json } from "./protocol";

/** Inputs by position, or by label (missing labels take the component's initial value). */
export type PredictData = Json[] | { [label: string]: Json };

/** What `predict` resolves with: the outputs in order, as `@gradio/client`'s result holds them. */
export interface PredictResult {
  data: Json[];
  endpoint: string;
}

/**
 * How the app failed, as a JS Error: `name` is the Python exception's class ("Error" for
 * gr.Error), `message` its message, so `String(err)` reads like Python's last line.
 */
export class LiteError extends Error {
  readonly kind: ErrorInfo["kind"];
  readonly traceback: string | null;
  /** Inputs that failed validation (the function was not called). */
  readonly inputErrors: InputError[];

  constructor(info: ErrorInfo, inputErrors: InputError[] = []) {
    super(info.message);
    this.name = info.type;
    this.kind = info.kind;
    this.traceback = info.traceback;
    this.inputErrors = inputErrors;
  }
}

/** The endpoint an app answers to, spelled as `@gradio/client` spells it. */
export function endpointOf(config: AppConfig): string {
  return `/${config.api_name}`;
}

/**
 * Split predict's arguments into the endpoint and the input values in config order:
 * `predict(data)` or `predict("/api_name", data)`. Throws a TypeError that says what
 * the app accepts when the call does not fit it.
 */
export function predictInputs(config: AppConfig, args: readonly unknown[]): Json[] {
  let rest = args;
  if (typeof rest[0] === "string") {
    const wanted = endpointOf(config);
    if (rest[0] !== wanted) {
      throw new TypeError(`This app has no endpoint ${JSON.stringify(rest[0])}; its endpoint is "${wanted}".`);
    }
    rest = rest.slice(1);
  }
  if (rest.length > 1) throw new TypeError("predict takes the endpoint and one list or object of inputs.");
  const data = rest[0] ?? [];
  const labels = config.inputs.map((c) => c.label);
  if (Array.isArray(data)) {
    if (data.length !== labels.length) {
      throw new TypeError(
        `This app takes ${labels.length} input value(s) (${describe(labels)}); got ${data.length}.`,
      );
    }
    return data as Json[];
  }
  if (data === null || typeof data !== "object") {
    throw new TypeError("predict's inputs must be a list of values or an object keyed by label.");
  }
  const byLabel = data as { [label: string]: Json };
  const unknown = Object.keys(byLabel).filter((key) => !labels.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(`No input labelled ${describe(unknown)}; the inputs are ${describe(labels)}.`);
  }
  return config.inputs.map((c) => (Object.hasOwn(byLabel, c.label) ? (byLabel[c.label] ?? null) : c.value));
}

/** The error of a result that is not ok: its own, or one made from the input errors. */
export function resultError(
  config: AppConfig | null,
  error: ErrorInfo | null,
  inputErrors: InputError[],
): LiteError {
  if (error !== null) return new LiteError(error, inputErrors);
  const message = inputErrors
    .map(({ index, message }) => `${config?.inputs[index]?.label ?? `input ${index}`}: ${message}`)
    .join("\n");
  return new LiteError({ kind: "error", type: "Error", message, traceback: null }, inputErrors);
}

function describe(labels: readonly string[]): string {
  return labels.length === 0 ? "none" : labels.map((l) => JSON.stringify(l)).join(", ");
}
