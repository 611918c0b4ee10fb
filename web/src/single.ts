// The page's bundle in a single-file export: lite.js with every component in one file,
// answering fetches from the page's own files and starting the worker from a Blob.
// single-boot.ts has made both before this runs.

import "./single-setup";
import "./main";
