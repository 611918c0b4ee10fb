// The single-file export (lite/single_file.py) carries its files inside the page. The
// page inflates them into Blobs and hands them to the worker in a message (a Blob URL
// made by a file:// page cannot be fetched from its worker: each has its own opaque
// origin). This answers fetches of their paths from those Blobs, in the page (app.json)
// and in the worker (the runtime, wheels and app files), so a page opened from disk
// needs no server and no network.

/** Paths as in a built site ("pyodide/pyodide.asm.wasm", "app/app.py") to their bytes. */
export type Files = Record<string, Blob>;

/** The message the page sends its worker first. */
export interface FilesMessage {
  type: "lite-files";
  files: Files;
}

export function serveFrom(files: Files | Promise<Files>): void {
  const original = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith("file:")) return original(input, init);
    const all = await files;
    const path = Object.keys(all).find((p) => url.endsWith(`/${p}`));
    const blob = path === undefined ? undefined : all[path];
    // Not in the page (the memory snapshot is left out): a plain 404, as a server says.
    if (blob === undefined) return new Response(null, { status: 404, statusText: "Not Found" });
    return new Response(blob, { headers: { "Content-Type": blob.type || "application/octet-stream" } });
  };
}
