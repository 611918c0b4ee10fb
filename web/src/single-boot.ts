// The first script of a single-file export (lite/single_file.py): inflates the files the
// page carries (gzip, base64) with DecompressionStream, makes a Blob URL of each, starts
// nothing itself: it hands them to single.ts (the page's bundle, which it then runs) and
// to the worker, a classic script made into a Blob with the file list in front.

import type { Files } from "./single-files";

interface Single {
  files: Files;
  /** A Blob URL of the worker's script. */
  worker: string;
}

const TYPES: Record<string, string> = {
  wasm: "application/wasm",
  js: "text/javascript",
  json: "application/json",
  zip: "application/zip",
  whl: "application/zip",
};

async function inflate(base64: string): Promise<Blob> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).blob();
}

async function start(): Promise<void> {
  const packed = JSON.parse(document.getElementById("lite-files")?.textContent ?? "{}") as Record<string, string>;
  const blobs = await Promise.all(Object.entries(packed).map(async ([path, data]) => [path, await inflate(data)] as const));
  const files: Files = {};
  let page = "";
  let worker = "";
  for (const [path, blob] of blobs) {
    if (path === "lite.js") page = await blob.text();
    else if (path === "worker.js") worker = await blob.text();
    else {
      const type = TYPES[path.split(".").pop() ?? ""] ?? "application/octet-stream";
      files[path] = new Blob([blob], { type });
    }
  }
  const assets = new URL(".", location.href).href;
  const prelude = `self.liteAssetsUrl=${JSON.stringify(assets)};\n`;
  const single: Single = {
    files,
    worker: URL.createObjectURL(new Blob([prelude, worker], { type: "text/javascript" })),
  };
  (globalThis as { liteSingle?: Single }).liteSingle = single;
  const script = document.createElement("script");
  script.type = "module";
  script.textContent = page;
  document.head.append(script);
}

start().catch((err: unknown) => {
  document.body.textContent = `This page could not start: ${String(err)}`;
});
