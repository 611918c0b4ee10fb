// Bundles the front end into ../lite/static/ and copies the Pyodide runtime
// files beside it. The lock file and wheels are written by the Python build.

import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "lite", "static");
const pyodideOut = join(out, "pyodide");
const PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"];

const common = {
  bundle: true,
  minify: true,
  sourcemap: true,
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
};

await mkdir(pyodideOut, { recursive: true });
// Chunks are content-hashed: drop the old ones so a site ships only this build's.
await rm(join(out, "chunks"), { recursive: true, force: true });
await Promise.all([
  // Split: heavy components (components/registry.ts's `lazy`) become chunks that only
  // the apps using them download. Their CSS is text the module adds when first drawn.
  esbuild.build({
    ...common,
    entryPoints: { lite: join(here, "src", "main.ts") },
    outdir: out,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    loader: { ".css": "text" },
    format: "esm",
  }),
  // Pyodide is not bundled: worker.ts imports it at run time from a URL it
  // computes, which esbuild leaves alone.
  esbuild.build({
    ...common,
    entryPoints: [join(here, "src", "worker.ts")],
    outfile: join(out, "worker.js"),
    format: "esm",
  }),
  // The service worker is a classic script; `lite build` prepends the build's file list.
  esbuild.build({
    ...common,
    entryPoints: [join(here, "src", "sw.ts")],
    outfile: join(out, "sw.js"),
    format: "iife",
    sourcemap: false,
  }),
  // The single-file export (lite/single_file.py): the page in one module, no chunks; the
  // worker with Pyodide bundled in, one classic script; the script that unpacks them.
  esbuild.build({
    ...common,
    entryPoints: { "lite-single": join(here, "src", "single.ts") },
    outdir: out,
    loader: { ".css": "text" },
    format: "esm",
    sourcemap: false,
  }),
  esbuild.build({
    ...common,
    entryPoints: { "worker-single": join(here, "src", "single-worker.ts") },
    outdir: out,
    format: "iife",
    // Pyodide's Node.js branches, never taken in a browser.
    external: ["node:*"],
    sourcemap: false,
  }),
  esbuild.build({
    ...common,
    entryPoints: { "boot-single": join(here, "src", "single-boot.ts") },
    outdir: out,
    format: "iife",
    sourcemap: false,
  }),
  esbuild.build({
    ...common,
    entryPoints: [join(here, "src", "style.css")],
    outfile: join(out, "lite.css"),
  }),
  ...PYODIDE_FILES.map((name) =>
    copyFile(join(here, "node_modules", "pyodide", name), join(pyodideOut, name)),
  ),
  // `lite build` runs it to make the memory snapshot (see the script).
  copyFile(join(here, "scripts", "make-snapshot.mjs"), join(out, "make-snapshot.mjs")),
]);
console.log(`built ${out}`);
