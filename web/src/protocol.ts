// The messages between the page and its app worker, defined once for the JS side.
// The Python side is lite/protocol.py; tests/protocol_examples.json holds one
// example of every message and both sides check themselves against it.

/** A JSON value as it crosses the worker boundary. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One component as the page renders it. State components never reach the page. */
export interface ComponentConfig {
  id: number;
  /** Lower-case Gradio class name: "textbox", "number", "slider", ... */
  type: string;
  label: string;
  show_label: boolean;
  info: string | null;
  visible: boolean;
  interactive: boolean;
  /** The initial value, already postprocessed into the page's form. */
  value: Json;
  /** Type-specific settings (lines, placeholder, minimum, choices, ...). */
  props: { [key: string]: Json };
}

export interface ExamplesConfig {
  headers: string[];
  /** Values to put into the inputs, one row per example, page form. */
  rows: Json[][];
}

export interface AppConfig {
  title: string | null;
  /** Markdown (rendered with marked, then DOMPurify). */
  description: string | null;
  article: string | null;
  inputs: ComponentConfig[];
  outputs: ComponentConfig[];
  examples: ExamplesConfig | null;
  live: boolean;
  submit_btn: string;
  /** null hides the button. */
  clear_btn: string | null;
  api_name: string;
}

/** Where the app's files come from: inline text or a URL relative to the page. */
export interface AppFile {
  name: string;
  content?: string;
  url?: string;
}

export interface ErrorInfo {
  /** "error": gr.Error, shown as its message; "exception": any other exception. */
  kind: "error" | "exception";
  /** Exception class name, e.g. "ZeroDivisionError". */
  type: string;
  message: string;
  traceback: string | null;
  /** Seconds the message stays up; null means until dismissed. */
  duration?: number | null;
}

export interface Toast {
  level: "info" | "warning";
  message: string;
  title: string | null;
  duration: number | null;
}

export interface InputError {
  /** Index into AppConfig.inputs. */
  index: number;
  message: string;
}

// ---- page -> worker ----

export interface BootRequest {
  type: "boot";
  /** Base URL of lite.js; worker.js, pyodide/ and the wheels sit beside it. */
  assetsUrl: string;
  files: AppFile[];
  /** Name of the entry file among `files`. */
  entry: string;
  requirements: string[];
  /** Explicit global-state key, or null to derive one from the sources. */
  stateKey: string | null;
  /** Names this app among the page's apps, so old versions of it can be cleaned up. */
  appId: string;
  /** The shared-data namespace `lite build` hashed (app.json); absent inline, where the worker hashes. */
  state_namespace?: string | null;
}

export interface EventRequest {
  type: "event";
  /** Chosen by the page; echoed in the result. */
  id: number;
  /** Values of AppConfig.inputs, in order, page form. */
  data: Json[];
}

/** The Clear button: session state goes back to a fresh copy. */
export interface ClearRequest {
  type: "clear";
  id: number;
}

/** The "Shared data" control (or the element's sharedData API) asks the worker. */
export interface SharedDataRequest {
  type: "shared-data";
  id: number;
  action: "info" | "export" | "import" | "reset";
  /** The file's text, for import. */
  data: string | null;
}

export type PageMessage = BootRequest | EventRequest | ClearRequest | SharedDataRequest;

// ---- worker -> page ----

export interface Progress {
  type: "progress";
  /** Machine-readable step: "runtime", "packages", "app". */
  step: string;
  /** Human-readable text for the indicator. */
  text: string;
}

export interface Ready {
  type: "ready";
  config: AppConfig;
}

export interface BootError {
  type: "boot-error";
  error: ErrorInfo;
}

export interface EventResult {
  type: "result";
  id: number;
  ok: boolean;
  /** Values for AppConfig.outputs, in order, page form (ok only). */
  data: Json[] | null;
  /** The event's failure (not ok, and no input_errors). */
  error: ErrorInfo | null;
  /** Inputs that failed validation; the function was not called. */
  input_errors: InputError[];
  toasts: Toast[];
}

/** Another tab changed the app's shared data. */
export interface StateChanged {
  type: "state-changed";
  names: string[];
}

/** Something about the runtime the user should see, e.g. shared data that failed to load. */
export interface Notice {
  type: "notice";
  level: "info" | "warning" | "error";
  text: string;
}

/** One shared name, as the developer wrote it, and the characters it takes in the store. */
export interface SharedName {
  name: string;
  size: number;
}

/** The answer to a SharedDataRequest; on failure nothing was changed. */
export interface SharedDataResult {
  type: "shared-data-result";
  id: number;
  ok: boolean;
  /** The shared names after the action. */
  names: SharedName[];
  /** Export: the file's text. */
  data: string | null;
  /** Not ok: why, for the user. */
  message: string | null;
  warnings: string[];
}

/** A line the app printed, or a runtime note, for the console. */
export interface Log {
  type: "log";
  level: "info" | "warning" | "error";
  text: string;
}

export type WorkerMessage =
  | Progress
  | Ready
  | BootError
  | EventResult
  | StateChanged
  | Notice
  | Log
  | SharedDataResult;
