// Runs a built site's app in Node, for the testing kit's engine="node": the same Pyodide,
// wheel, snapshot and Python seam (lite._browser) as the page's worker, without a page.
//
//   node node_runner.mjs SITE_DIR
//
// It answers on stdout, one JSON message per line: the worker's messages (ready or
// boot-error, then a result per event or shared-data request). It reads requests on
// stdin, one per line: the page's ("event", "shared-data"), or {"type": "restart"}: run
// the app again in this Python, with fresh module values, session and shared data, which
// takes milliseconds where booting Python takes seconds. Shared data lives in this
// process's memory: one runner is one tab.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const APP_DIR = "/home/pyodide/app";
const site = resolve(process.argv[2] ?? ".");
const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

/** web/src/store.ts's StateStore, in memory (lite/state/store.py's MemoryStore is its model). */
class MemoryStore {
  versions = new Map(); // ns -> version
  entries = new Map(); // ns -> Map(key -> {text, version})
  deltas = new Map(); // ns -> Map(key -> [{text, version}]), oldest first
  tail = Promise.resolve();

  tryAcquire() {
    return undefined; // always through acquire(): one process, no lock to keep
  }

  acquire() {
    // One process, one lock: each holder waits for the one before.
    return new Promise((granted) => {
      this.tail = this.tail.then(() => new Promise((release) => granted({ kept: false, release })));
    });
  }

  abandon() {}

  takeRead() {
    return undefined; // no read is made ahead of Python's own here
  }

  async readSince(ns, since) {
    const entries = {};
    for (const [key, entry] of this.entries.get(ns) ?? []) {
      if (entry.version > since) entries[key] = entry.text;
    }
    const deltas = {};
    for (const [key, ops] of this.deltas.get(ns) ?? []) {
      const texts = ops.filter((op) => op.version > since).map((op) => op.text);
      if (texts.length > 0) deltas[key] = texts;
    }
    return JSON.stringify({ version: this.versions.get(ns) ?? 0, entries, deltas });
  }

  async commit(ns, valuesJson, baseVersion, deltasJson = "{}") {
    const current = this.versions.get(ns) ?? 0;
    if (current !== baseVersion) {
      const message = `the store is at version ${current}, not ${baseVersion}`;
      return JSON.stringify({ ok: false, error: "conflict", message });
    }
    const version = current + 1;
    const entries = this.entries.get(ns) ?? new Map();
    const deltas = this.deltas.get(ns) ?? new Map();
    for (const [key, text] of Object.entries(JSON.parse(valuesJson))) {
      entries.set(key, { text, version });
      deltas.delete(key); // a whole value replaces the deltas on top of the old one
    }
    for (const [key, text] of Object.entries(JSON.parse(deltasJson))) {
      deltas.set(key, [...(deltas.get(key) ?? []), { text, version }]);
    }
    this.entries.set(ns, entries);
    this.deltas.set(ns, deltas);
    this.versions.set(ns, version);
    return JSON.stringify({ ok: true, version });
  }

  async quarantine(ns, key) {
    this.entries.get(ns)?.delete(key);
    this.deltas.get(ns)?.delete(key);
  }

  broadcast() {} // no other tabs

  subscribe() {}

  async register() {}
}

const manifest = JSON.parse(readFileSync(join(site, "app.json"), "utf-8"));
const indexURL = `${join(site, "pyodide")}/`;
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const options = {
  indexURL,
  packages: ["lite"],
  stdout: (text) => send({ type: "log", level: "info", text }),
  stderr: (text) => send({ type: "log", level: "error", text }),
};

/** Restore the site's snapshot when it belongs to the site's wheel, as the worker does. */
async function startPython() {
  try {
    const snapshot = gunzipSync(readFileSync(join(indexURL, "snapshot.bin.gz")));
    const pyodide = await loadPyodide({ ...options, packages: [], _loadSnapshot: snapshot });
    const made = pyodide.runPython("import lite; getattr(lite, '_snapshot_wheel', '')");
    const lock = JSON.parse(readFileSync(join(indexURL, "pyodide-lock.json"), "utf-8"));
    const wheel = readFileSync(join(indexURL, lock.packages.lite.file_name));
    if (made === createHash("sha256").update(wheel).digest("hex")) return pyodide;
  } catch {
    // no snapshot, or another build's: boot normally
  }
  return loadPyodide(options);
}

let store = new MemoryStore();
let browser = null;
let pyodide = null;

async function start() {
  browser = null;
  store = new MemoryStore();
  pyodide ??= await startPython();
  // The app's own modules go, so they run afresh (lite's runtime and the stdlib stay).
  pyodide.runPython(`
import sys
for _name, _module in list(sys.modules.items()):
    if (getattr(_module, "__file__", None) or "").startswith("${APP_DIR}/"):
        del sys.modules[_name]
`);
  pyodide.FS.mkdirTree(APP_DIR);
  for (const name of manifest.files ?? [manifest.entry]) {
    const path = `${APP_DIR}/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, readFileSync(join(site, "app", name)));
  }
  const module = pyodide.pyimport("lite._browser");
  const request = {
    app_dir: APP_DIR,
    entry: manifest.entry,
    requirements: manifest.requirements ?? [],
    state_key: manifest.state_key ?? null,
    app_id: `node:${site}`,
  };
  const host = { post: (json) => send(JSON.parse(json)), store };
  const reply = JSON.parse(await module.boot(JSON.stringify(request), host));
  if (reply.type === "ready") browser = module;
  return reply;
}

async function startAndSay() {
  try {
    send(await start());
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    send({ type: "boot-error", error: { kind: "exception", type: "BootError", message, traceback: null } });
  }
}

// One request at a time, in arrival order, like the worker.
let chain = startAndSay();
createInterface({ input: process.stdin }).on("line", (line) => {
  chain = chain.then(async () => {
    const message = JSON.parse(line);
    if (message.type === "restart") await startAndSay();
    else if (browser !== null) send(JSON.parse(await browser.handle(line)));
  });
});
