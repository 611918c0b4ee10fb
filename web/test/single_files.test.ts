import assert from "node:assert/strict";
import { test } from "node:test";
import { serveFrom } from "../src/single-files";

test("fetches of the single file's paths are answered from its Blobs, others pass", async () => {
  const original = globalThis.fetch;
  const passed: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    passed.push(String(input));
    return new Response("from the network");
  }) as typeof fetch;
  try {
    let release = (): void => {};
    const files = new Promise<Record<string, Blob>>((resolve) => {
      release = () => resolve({ "pyodide/pyodide.asm.wasm": new Blob([new Uint8Array([0, 97, 115, 109])], { type: "application/wasm" }) });
    });
    serveFrom(files);
    // Asked before the page's files arrive: it waits for them.
    const early = fetch("file:///home/me/pyodide/pyodide.asm.wasm");
    release();
    const wasm = await early;
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
    assert.deepEqual([...new Uint8Array(await wasm.arrayBuffer())], [0, 97, 115, 109]);
    const missing = await fetch("file:///home/me/pyodide/snapshot.bin.gz");
    assert.equal(missing.status, 404);
    await fetch("https://example.org/image.png");
    assert.deepEqual(passed, ["https://example.org/image.png"]);
  } finally {
    globalThis.fetch = original;
  }
});
