// The worker of a single-file export: worker.ts with Pyodide bundled in, as one classic
// script (Chromium refuses a module worker from a Blob URL, and import() of a Blob URL
// inside a worker under file://).

import "./single-worker-env";
import "./single-worker-setup";
import "./worker";
