// Makes a Pyodide memory snapshot with lite's runtime already imported, so a page can
// restore it in about half a second instead of booting Python from scratch.
//
//   node make-snapshot.mjs PYODIDE_DIR WHEEL OUT.bin.gz
//
// `lite build` runs it (it is copied into lite/static/) and ships the result as
// pyodide/snapshot.bin.gz. The snapshot is tied to the exact Pyodide build (Pyodide
// checks its build id on restore) and to the exact wheel (recorded below and checked by
// the worker), and it must hold no JS references, which is why the wheel is unpacked
// by hand instead of through loadPackage.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [pyodideDir, wheelPath, out] = process.argv.slice(2);
if (!out) {
  console.error("usage: node make-snapshot.mjs PYODIDE_DIR WHEEL OUT.bin.gz");
  process.exit(2);
}
const { loadPyodide } = await import(pathToFileURL(join(resolve(pyodideDir), "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: `${resolve(pyodideDir)}/`, _makeSnapshot: true });
const wheel = new Uint8Array(readFileSync(wheelPath));
const sha = createHash("sha256").update(wheel).digest("hex");
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
// Import all of lite that runs in the browser (the worker then skips installing the
// wheel), plus the stdlib modules apps use most, so restoring leaves nothing to do.
pyodide.runPython(`
import lite, lite._browser, lite.gradio_alias, pyodide.ffi
import collections, dataclasses, datetime, functools, itertools, math, random, re, string
lite._snapshot_wheel = "${sha}"
`);
writeFileSync(out, gzipSync(pyodide.makeMemorySnapshot(), { level: 6 }));
