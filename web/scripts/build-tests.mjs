// Compiles test/*.test.ts into test-out/ for `node --test` (Node 20 cannot run
// TypeScript itself). Type checking is tsc's job; this only strips and bundles.

import { readdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "test-out");
const tests = (await readdir(join(root, "test"))).filter((name) => name.endsWith(".test.ts"));

await rm(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: tests.map((name) => join(root, "test", name)),
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  loader: { ".css": "text" }, // component modules import their CSS as text
  logLevel: "warning",
});
