// Runs first in the single-file worker (see single-worker.ts). Pyodide's loader refuses
// a classic worker, which it recognises by a working importScripts(); this one is a
// classic script only because Chromium leaves no other choice under file://, and
// Pyodide here needs no script loading (its module is bundled), so it is switched off.

(globalThis as { importScripts?: unknown }).importScripts = () => {
  throw new Error("importScripts is off in this worker");
};
