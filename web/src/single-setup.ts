// Runs before main.ts defines <gradio-lite> (see single.ts).

import { workerSource } from "./app";
import { type Files, type FilesMessage, serveFrom } from "./single-files";

const single = (globalThis as { liteSingle?: { files: Files; worker: string } }).liteSingle;
if (single !== undefined) {
  serveFrom(single.files);
  // A classic worker: Chromium refuses a module worker from a Blob URL under file://.
  workerSource.make = () => {
    const worker = new Worker(single.worker);
    worker.postMessage({ type: "lite-files", files: single.files } satisfies FilesMessage);
    return worker;
  };
}
