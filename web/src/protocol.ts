// The messages between the page and its app worker, defined once for the JS side.
// The Python side is lite/protocol.py; tests/protocol_examples.json holds one
// example of every message and both sides check themselves against it.

import type { ComponentType, PropsByType } from "./components/registry";

/** A JSON value as it crosses the worker boundary. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What every component's config has, whatever its type. */
export interface BaseConfig {
  id: number;
  label: string;
  show_label: boolean;
  info: string | null;
  visible: boolean;
  interactive: boolean;
  /** The initial value, already postprocessed into the page's form. */
  value: Json;
}

/**
 * One component as the page renders it, tagged by `type` (the Python class's `type`),
 * with the props its module in components/ declares. State never reaches the page.
 */
export type ComponentConfig = {
  [K in ComponentType]: BaseConfig & { type: K; props: PropsByType[K] };
}[ComponentType];

/**
 * A file in page form (uploads, images, audio, downloads). Its bytes never travel
 * inside JSON: they cross as a transferred ArrayBuffer beside the message, and
 * `buffer` is that buffer's index while crossing.
 */
export type FileData = {
  _type: "file";
  /** Where the worker's Python sees it (its file system); null before upload. */
  path: string | null;
  /** What the page shows it with: an object URL, or a URL of a file shipped with the site. */
  url: string | null;
  orig_name: string | null;
  size: number | null;
  mime_type: string | null;
  buffer: number | null;
};

export interface ExamplesConfig {
  headers: string[];
  /** Values to put into the inputs, one row per example, page form. */
  rows: Json[][];
  /** Rows shown per page of the examples table (Gradio's examples_per_page). */
  per_page: number;
  /** Gradio's example_labels: one label per row, shown instead of the values. */
  labels: string[] | null;
  /** cache_examples: "eager" (outputs computed at build time) or "lazy" (on first click). */
  cache?: "eager" | "lazy" | null;
  /** Cached page outputs per row (null for a row that failed); absent until computed. */
  outputs?: (Json[] | null)[] | null;
}

/** One tab of a TabbedInterface. */
export interface TabConfig {
  name: string;
  config: AppConfig;
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
  /** Label of the Stop button shown while an event runs; null hides it. */
  stop_btn: string | null;
  /** Gradio's show_progress: "full" bar over the outputs, "minimal", or "hidden". */
  show_progress: "full" | "minimal" | "hidden";
  /** The app's own CSS (Interface(css=) or launch(css=)). */
  css: string | null;
  /** A built-in theme's name, e.g. "soft"; null for the default look. */
  theme: string | null;
  flagging_mode: "never" | "auto" | "manual";
  /** [button label, stored value] pairs; value null means a plain "Flag". */
  flagging_options: [string, string | null][];
  /** A TabbedInterface: every tab's config; the fields above are the first tab's. */
  tabs?: TabConfig[];
}

/** Where the app's files come from: inline text or a URL relative to the page. */
export interface AppFile {
  name: string;
  content?: string;
  url?: string;
  /** A big file loaded after the app is ready (app.json's lazy_files); events wait for it. */
  lazy?: boolean;
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
  assets_url: string;
  files: AppFile[];
  /** Name of the entry file among `files`. */
  entry: string;
  requirements: string[];
  /** Explicit global-state key, or null to derive one from the sources. */
  state_key: string | null;
  /** Names this app among the page's apps, so old versions of it can be cleaned up. */
  app_id: string;
  /** The page's URL, for gr.Request (url, query_params, host). */
  page_url?: string;
  /** Int32 view target for Pyodide's interrupt buffer; only when cross-origin isolated. */
  interrupt_buffer?: SharedArrayBuffer;
  /** The shared-data namespace `lite build` hashed (app.json); absent inline, where the worker hashes. */
  state_namespace?: string | null;
}

export interface EventRequest {
  type: "event";
  /** Chosen by the page; echoed in the result. */
  id: number;
  /** Values of AppConfig.inputs, in order, page form. */
  data: Json[];
  /** Which tab of a TabbedInterface; 0 (or absent) otherwise. */
  tab?: number;
  /** Uploaded files' bytes, transferred; FileData.buffer indexes them. */
  buffers?: ArrayBuffer[];
}

/** The Clear button: session state goes back to a fresh copy. */
export interface ClearRequest {
  type: "clear";
  id: number;
  tab?: number;
}

/**
 * Stop the event `id`. Handled at once, not queued: an async function is cancelled at
 * its next await. Python busy in sync code can't read it; the interrupt buffer (or
 * ending the worker) stops that.
 */
export interface StopRequest {
  type: "stop";
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

export type PageMessage = BootRequest | EventRequest | ClearRequest | StopRequest | SharedDataRequest;

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
  /** Output files' bytes, transferred; FileData.buffer indexes them. */
  buffers?: ArrayBuffer[];
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

/** One gr.Progress level (progress.tqdm nests them), outermost first in a message. */
export interface ProgressLevel {
  /** Steps done, for a (done, total) pair or progress.tqdm; else null. */
  index: number | null;
  length: number | null;
  unit: string;
  /** A fraction 0..1 from progress(0.5); null when counted in steps or unknown. */
  progress: number | null;
  desc: string | null;
}

/** gr.Progress while the event `id` runs. */
export interface EventProgress {
  type: "event-progress";
  id: number;
  levels: ProgressLevel[];
}

/** A generator yielded: show these outputs now; the event goes on. */
export interface PartialResult {
  type: "partial";
  id: number;
  data: Json[];
  /** Output files' bytes, transferred; FileData.buffer indexes them. */
  buffers?: ArrayBuffer[];
}

/** The event `id` ended because the user stopped it. */
export interface Stopped {
  type: "stopped";
  id: number;
  /** Python was restarted, so this tab's session state was reset. */
  reset: boolean;
}

/** The shared-data lock of this app (namespace): this tab waits for it, holds it, or let it go. */
export interface LockState {
  type: "lock";
  state: "waiting" | "held" | "released";
  namespace: string;
}

export type WorkerMessage =
  | EventProgress
  | PartialResult
  | Stopped
  | LockState
  | Progress
  | Ready
  | BootError
  | EventResult
  | StateChanged
  | Notice
  | Log
  | SharedDataResult;
