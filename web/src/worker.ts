// The app's worker: the ONLY place that boots Pyodide. It loads the runtime and
// our `lite` wheel, writes the app's files, hands them to lite._browser (the
// Python seam), and then relays events to it one at a time, in arrival order.

import type { PyodideAPI } from "pyodide";
import type {
  AppFile,
  BootError,
  BootRequest,
  ErrorInfo,
  EventResult,
  PageMessage,
  WorkerMessage,
} from "./protocol";
import { StateStore } from "./store";

const APP_DIR = "/home/pyodide/app";

/** The part of lite._browser that JS calls; each returns a JSON message string. */
interface BrowserModule {
  boot(request: string, host: Host): Promise<string>;
  handle(message: string): Promise<string>;
}

/** What Python may call back into: messages for the page, and the shared-state store. */
interface Host {
  post(json: string): void;
  store: StateStore;
}

// lib "webworker" and lib "dom" cannot share one tsconfig; this is all of the
// worker scope we use, so it is typed here instead.
interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: MessageEvent<PageMessage>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

function post(message: WorkerMessage): void {
  scope.postMessage(message);
}

const host: Host = {
  post(json) {
    post(JSON.parse(json) as WorkerMessage);
  },
  store: new StateStore(),
};

let browser: BrowserModule | null = null;

// One message at a time: each waits for the one before it (the boot included).
let chain: Promise<void> = Promise.resolve();
scope.addEventListener("message", (event) => {
  const message = event.data;
  chain = chain.then(() => dispatch(message));
});

async function dispatch(message: PageMessage): Promise<void> {
  if (message.type === "boot") {
    post(await boot(message));
  } else {
    post(await handle(message.id, JSON.stringify(message), message.type === "shared-data"));
  }
}

async function boot(request: BootRequest): Promise<WorkerMessage> {
  try {
    post({ type: "progress", step: "runtime", text: "Starting Python" });
    // Fetch the app's files while Pyodide boots.
    const files = Promise.all(request.files.map(readFile));
    const pyodideUrl = new URL("pyodide/", request.assetsUrl).href;
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
    const pyodide = await startPython(loadPyodide, options, await snapshot);
    post({ type: "progress", step: "packages", text: "Installing packages" });
    writeFiles(pyodide, await files);
    // lite._browser.boot posts the rest: "packages" again while it installs the
    // app's requirements, then "app" before it runs the entry file.
    const module = pyodide.pyimport("lite._browser") as unknown as BrowserModule;
    const bootRequest = {
      appDir: APP_DIR,
      entry: request.entry,
      requirements: request.requirements,
      stateKey: request.stateKey,
      appId: request.appId,
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

/** Start the big downloads; the boot awaits them. */
function startFetching(pyodideUrl: string) {
  // A variable URL, so esbuild leaves Pyodide out of this bundle.
  const url: string = `${pyodideUrl}pyodide.mjs`;
  return {
    pyodideUrl,
    snapshot: fetchSnapshot(pyodideUrl),
    pyodideModule: import(url) as Promise<typeof import("pyodide")>,
  };
}

// The assets sit beside this worker, so the downloads start as soon as it runs, while
// the page is still reading the app's manifest.
const early = startFetching(new URL("pyodide/", self.location.href).href);
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

async function handle(id: number, message: string, sharedData: boolean): Promise<WorkerMessage> {
  try {
    if (browser === null) throw new Error("The app is not running.");
    return JSON.parse(await browser.handle(message)) as WorkerMessage;
  } catch (err) {
    if (sharedData) {
      const message = exceptionInfo(err, "Error").message;
      return { type: "shared-data-result", id, ok: false, names: [], data: null, message, warnings: [] };
    }
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
