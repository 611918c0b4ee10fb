// Runs before worker.ts (see single-worker.ts): its fetches are answered from the page's
// files, and it finds Pyodide here instead of importing it from a URL.

import * as pyodide from "pyodide";
// @ts-expect-error: Pyodide ships no types for its Emscripten module.
import createPyodideModule from "pyodide/pyodide.asm.mjs";
import { type Files, type FilesMessage, serveFrom } from "./single-files";

interface Scope {
  liteBundledPyodide?: typeof pyodide;
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
}
const scope = globalThis as unknown as Scope;
// The page's first message; worker.ts (whose listener comes after this one) never sees it.
serveFrom(
  new Promise<Files>((resolve) => {
    scope.addEventListener("message", (event) => {
      const data = event.data as FilesMessage | null;
      if (data?.type !== "lite-files") return;
      event.stopImmediatePropagation();
      resolve(data.files);
    });
  }),
);
scope.liteBundledPyodide = {
  ...pyodide,
  loadPyodide: (options) => pyodide.loadPyodide({ ...options, createPyodideModule } as typeof options),
};
