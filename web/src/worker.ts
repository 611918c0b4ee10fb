// The app's worker: the ONLY place that boots Pyodide. It loads the runtime and
// our `lite` wheel, writes the app's files, hands them to lite._browser (the
// Python seam), and then relays events to it one at a time, in arrival order.

import type { PyodideAPI } from "pyodide";
import type {
  AppFile,
  Json,
  BootError,
  BootRequest,
  ErrorInfo,
  EventResult,
  PageMessage,
  WorkerMessage,
} from "./protocol";
import { mapFiles } from "./files";
import { LateFiles } from "./lazy";
import { StateStore } from "./store";

const APP_DIR = "/home/pyodide/app";
// Uploads of this page session; the worker (and its file system) lives as long as the page.
const UPLOAD_DIR = "/tmp/lite-uploads";
// Where lite/files.py puts files it makes for outputs: deleted once sent.
const OUTPUT_DIR = "/tmp/lite-outputs";

/** The part of lite._browser that JS calls; each returns a JSON message string. */
interface BrowserModule {
  boot(request: string, host: Host): Promise<string>;
  handle(message: string): Promise<string>;
  stop(id: number): boolean;
}

/** What Python may call back into: messages for the page, and the shared-state store. */
interface Host {
  post(json: string): void;
  store: StateStore;
}

// lib "webworker" and lib "dom" cannot share one tsconfig; this is all of the
// worker scope we use, so it is typed here instead.
interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<PageMessage>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

function post(message: WorkerMessage, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

const host: Host = {
  post(json) {
    const message = JSON.parse(json) as WorkerMessage;
    // A streamed value may hold files: they travel as buffers, like a result's.
    if (message.type === "partial" && pyodide !== null) sendResult(pyodide, message);
    else post(message);
  },
  store: new StateStore(),
};
// The page shows "waiting for another tab" and lets other tabs ask this one to stop.
host.store.lock.onLock = (state, namespace) => post({ type: "lock", state, namespace });

let browser: BrowserModule | null = null;
/** Set once Python has started: uploads and big app files are written through it. */
let pyodide: PyodideAPI | null = null;
let uploads = 0;
const lateFiles = new LateFiles();
/** Pyodide's interrupt buffer, shared with the page when it is cross-origin isolated. */
let interrupt: Int32Array | null = null;

type Queued = Exclude<PageMessage, { type: "stop" }>;
// One message at a time: each waits for the one before it (the boot included). A stop
// can't wait its turn: it is for the event running now.
const queue: Queued[] = [];
let running: Queued | null = null;
scope.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === "stop") stop(message.id);
  else {
    queue.push(message);
    if (running === null) void drain();
  }
});

async function drain(): Promise<void> {
  while ((running = queue.shift() ?? null) !== null) {
    try {
      await dispatch(running);
    } catch (err) {
      console.error("lite: a message to the worker failed", err);
    }
    host.store.settle();
  }
}

// Other tabs' change notices are merged while a message runs (notices.ts).
host.store.notices.busy = () => running !== null;
// An event of the same function (tab) as the running one reaches the same shared names,
// so it will take the shared-data lock too: the lock may be kept for it (lock.ts).
host.store.lock.nextNeedsLock = () =>
  running?.type === "event" && queue[0]?.type === "event" && (queue[0].tab ?? 0) === (running.tab ?? 0);

async function dispatch(message: Queued): Promise<void> {
  if (message.type === "boot") {
    post(await boot(message));
    if (browser !== null) startLateFiles(message.files);
  } else if (message.type === "event" && pyodide !== null) {
    await lateFiles.whenLoaded(); // the function may read them
    // A stop meant for an earlier event must not interrupt this one.
    if (interrupt !== null) Atomics.store(interrupt, 0, 0);
    const { buffers = [], ...event } = message;
    const data = writeUploads(pyodide, event.data, buffers);
    const result = await handle(message.id, JSON.stringify({ ...event, data }));
    sendResult(pyodide, result);
  } else {
    if (message.type === "event") await lateFiles.whenLoaded(); // the function may read them
    post(await handle(message.id, JSON.stringify(message), message.type === "shared-data"));
  }
}

/**
 * This code runs only while Python is idle or awaiting: an async function is cancelled
 * at its await. The page's write to the interrupt buffer (if any) is cleared first, or
 * it would interrupt the cancelling itself.
 */
function stop(id: number): void {
  if (interrupt !== null) Atomics.store(interrupt, 0, 0);
  try {
    browser?.stop(id);
  } catch (err) {
    console.warn("lite: could not stop the event", err);
  }
}

async function boot(request: BootRequest): Promise<WorkerMessage> {
  try {
    post({ type: "progress", step: "runtime", text: "Starting Python" });
    // Fetch the app's files while Pyodide boots.
    const files = Promise.all(LateFiles.split(request.files).now.map(readFile));
    const pyodideUrl = new URL("pyodide/", request.assets_url).href;
    const { snapshot, pyodideModule } =
      pyodideUrl === early.pyodideUrl ? early : startFetching(pyodideUrl);
    const { loadPyodide } = await pyodideModule;
    const options = {
      indexURL: pyodideUrl,
      lockFileURL: `${pyodideUrl}pyodide-lock.json`,
      // Listed here so the wheel downloads while the runtime starts.
      packages: ["lite"],
      stdout: (text: string) => post({ type: "log", level: "info", text }),
      stderr: (text: string) => post({ type: "log", level: "error", text }),
    };
    const python = await startPython(loadPyodide, options, await snapshot);
    if (request.interrupt_buffer !== undefined) {
      interrupt = new Int32Array(request.interrupt_buffer);
      python.setInterruptBuffer(interrupt);
    }
    post({ type: "progress", step: "packages", text: "Installing packages" });
    writeFiles(python, await files);
    pyodide = python; // for uploads, and the big files written once the app is ready
    // lite._browser.boot posts the rest: "packages" again while it installs the
    // app's requirements, then "app" before it runs the entry file.
    const module = python.pyimport("lite._browser") as unknown as BrowserModule;
    const bootRequest = {
      app_dir: APP_DIR,
      entry: request.entry,
      requirements: request.requirements,
      state_key: request.state_key,
      app_id: request.app_id,
      request: pageRequest(request.page_url),
      state_namespace: request.state_namespace ?? null,
    };
    const reply = JSON.parse(await module.boot(JSON.stringify(bootRequest), host)) as WorkerMessage;
    if (reply.type === "ready") browser = module;
    return reply;
  } catch (err) {
    const error: BootError = { type: "boot-error", error: exceptionInfo(err, "BootError") };
    return error;
  }
}

type LoadPyodide = typeof import("pyodide").loadPyodide;

/** Set by the single-file export's worker (single-worker.ts): Pyodide bundled in, and
 * where the page's files are said to be (a Blob worker's own URL has no folder). */
interface Bundled {
  liteBundledPyodide?: typeof import("pyodide");
  liteAssetsUrl?: string;
}
const bundled = globalThis as Bundled;

/** Start the big downloads; the boot awaits them. */
function startFetching(pyodideUrl: string) {
  // A variable URL, so esbuild leaves Pyodide out of this bundle.
  const url: string = `${pyodideUrl}pyodide.mjs`;
  return {
    pyodideUrl,
    snapshot: fetchSnapshot(pyodideUrl),
    pyodideModule: (bundled.liteBundledPyodide !== undefined
      ? Promise.resolve(bundled.liteBundledPyodide)
      : import(url)) as Promise<typeof import("pyodide")>,
  };
}

// The assets sit beside this worker, so the downloads start as soon as it runs, while
// the page is still reading the app's manifest.
const early = startFetching(new URL("pyodide/", bundled.liteAssetsUrl ?? self.location.href).href);
type Options = Parameters<LoadPyodide>[0];

interface Snapshot {
  body: Promise<Uint8Array>;
}

/**
 * The site's memory snapshot (Python with lite imported), or null if it has none. It
 * answers as soon as the server does; the body is still inflating then, so Pyodide's
 * own downloads run alongside.
 */
async function fetchSnapshot(pyodideUrl: string): Promise<Snapshot | null> {
  try {
    const response = await fetch(`${pyodideUrl}snapshot.bin.gz`);
    if (!response.ok || response.body === null) return null;
    // Served gzipped by any static server; the browser inflates it natively.
    const inflated = response.body.pipeThrough(new DecompressionStream("gzip"));
    // Wrapped: a promise resolved with a promise would wait for the inner one.
    return { body: new Response(inflated).arrayBuffer().then((b) => new Uint8Array(b)) };
  } catch (err) {
    console.warn("lite: could not fetch the memory snapshot; booting normally.", err);
    return null;
  }
}

/**
 * Restore the snapshot if there is one and it belongs to the wheel this site ships;
 * otherwise (or if restoring fails) boot Python from scratch.
 */
async function startPython(
  loadPyodide: LoadPyodide,
  options: Options,
  snapshot: Snapshot | null,
): Promise<PyodideAPI> {
  if (snapshot !== null) {
    try {
      // The snapshot has lite imported already, so its wheel needn't be installed:
      // that saves about a third of a second.
      const pyodide = await loadPyodide({ ...options, packages: [], _loadSnapshot: snapshot.body });
      const made = pyodide.runPython("import lite; getattr(lite, '_snapshot_wheel', '')") as string;
      if (made === pyodide.lockfile.packages["lite"]?.sha256) return pyodide;
      console.warn("lite: the memory snapshot belongs to another build; booting normally.");
    } catch (err) {
      console.warn("lite: the memory snapshot could not be restored; booting normally.", err);
    }
  }
  return loadPyodide(options);
}

/** What gr.Request tells the app: the page's URL and the headers a browser would send. */
function pageRequest(pageUrl: string | undefined): { url: string; headers: Record<string, string> } {
  const url = pageUrl ?? "";
  const headers: Record<string, string> = {
    "user-agent": navigator.userAgent,
    "accept-language": navigator.languages.join(","),
  };
  if (url !== "") headers["host"] = new URL(url).host;
  return { url, headers };
}

async function handle(id: number, message: string, sharedData = false): Promise<WorkerMessage> {
  try {
    if (browser === null) throw new Error("The app is not running.");
    return JSON.parse(await browser.handle(message)) as WorkerMessage;
  } catch (err) {
    if (sharedData) {
      const message = exceptionInfo(err, "Error").message;
      return { type: "shared-data-result", id, ok: false, names: [], data: null, message, warnings: [] };
    }
    // An interrupt that landed between Python's own frames is still a stop.
    if (String(err).includes("KeyboardInterrupt")) return { type: "stopped", id, reset: false };
    const result: EventResult = {
      type: "result",
      id,
      ok: false,
      data: null,
      error: exceptionInfo(err, "Error"),
      input_errors: [],
      toasts: [],
    };
    return result;
  }
}

interface FileData {
  name: string;
  /** Bytes for fetched files: an app may ship wheels and data, not only text. */
  content: string | Uint8Array;
}

async function readFile(file: AppFile): Promise<FileData> {
  if (file.content !== undefined) return { name: file.name, content: file.content };
  if (file.url === undefined) throw new Error(`App file ${file.name} has neither content nor url`);
  const response = await fetch(file.url);
  if (!response.ok) throw new Error(`Could not fetch ${file.url}: HTTP ${response.status}`);
  return { name: file.name, content: new Uint8Array(await response.arrayBuffer()) };
}

/** After Ready is posted: the big files, which the boot went without (lazy.ts). */
function startLateFiles(files: AppFile[]): void {
  // Marked for tests/browser/test_big_files.py: no big file is requested before it.
  performance.mark("lite:ready");
  const later = LateFiles.split(files).later;
  if (pyodide === null || later.length === 0) return;
  const py = pyodide;
  lateFiles.loadLater(
    later,
    (name, content) => writeFiles(py, [{ name, content }]),
    (text) => post({ type: "notice", level: "warning", text }),
  );
}

function writeFiles(pyodide: PyodideAPI, files: FileData[]): void {
  pyodide.FS.mkdirTree(APP_DIR);
  for (const { name, content } of files) {
    const path = `${APP_DIR}/${name}`;
    const folder = path.slice(0, path.lastIndexOf("/"));
    if (folder !== APP_DIR) pyodide.FS.mkdirTree(folder);
    pyodide.FS.writeFile(path, content);
  }
}

/** A JS-level failure, shaped like a Python exception for the page. */
function exceptionInfo(err: unknown, type: string): ErrorInfo {
  const error = err instanceof Error ? err : new Error(String(err));
  return {
    kind: "exception",
    type,
    message: error.message,
    traceback: error.stack ?? null,
    duration: null,
  };
}

/** Write the event's uploaded buffers into the file system; Python gets their paths. */
function writeUploads(py: PyodideAPI, data: Json[], buffers: ArrayBuffer[]): Json[] {
  return data.map((value) =>
    mapFiles(value, (file) => {
      const buffer = file.buffer === null ? undefined : buffers[file.buffer];
      if (buffer === undefined) return file;
      // One folder per upload keeps the user's file name and never overwrites another.
      const folder = `${UPLOAD_DIR}/${++uploads}`;
      py.FS.mkdirTree(folder);
      const path = `${folder}/${safeName(file.orig_name)}`;
      py.FS.writeFile(path, new Uint8Array(buffer));
      return { ...file, path, buffer: null };
    }),
  );
}

/** A file name that stays inside its folder. */
function safeName(name: string | null): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  return base === "" || base === "." || base === ".." ? "file" : base;
}

/**
 * Post an event's result, with each output file's bytes read from the file system and
 * transferred (not copied) to the page. Files lite made for outputs are deleted then.
 */
function sendResult(py: PyodideAPI, result: WorkerMessage): void {
  if ((result.type !== "result" && result.type !== "partial") || result.data === null) {
    post(result);
    return;
  }
  const buffers: ArrayBuffer[] = [];
  try {
    const data = result.data.map((value) =>
      mapFiles(value, (file) => {
        if (file.path === null || file.url !== null) return file;
        const bytes = py.FS.readFile(file.path) as Uint8Array;
        if (file.path.startsWith(`${OUTPUT_DIR}/`)) py.FS.unlink(file.path);
        buffers.push(bytes.buffer as ArrayBuffer);
        return { ...file, buffer: buffers.length - 1 };
      }),
    );
    post({ ...result, data, buffers }, buffers);
  } catch (err) {
    if (result.type === "partial") console.error("lite: a streamed file could not be read", err);
    else post({ ...result, ok: false, data: null, error: exceptionInfo(err, "FileError") });
  }
}
