// Big app files, loaded after the app is ready so they never delay the boot.
//
// `lite build` marks them (app.json's lazy_files): big files the app did not read
// while it started on the build machine. The worker boots without them, then calls
// loadLater(); every event waits for `whenLoaded()` first, so a function that opens
// one sees it whole. Plain fetch(), not a synchronous XHR: Blink does not send the
// latter through the service worker, so it would break the offline site.

import type { AppFile } from "./protocol";

/** Writes a file's bytes where the app finds it (the Pyodide file system). */
export type WriteFile = (name: string, content: Uint8Array) => void;
/** Told when a file could not be loaded; the app goes on without it. */
export type Report = (text: string) => void;

export class LateFiles {
  private loaded: Promise<void> = Promise.resolve();
  private pending = 0;

  /** The files of a boot request to load later, and those to load at boot. */
  static split(files: AppFile[]): { now: AppFile[]; later: AppFile[] } {
    return { now: files.filter((f) => f.lazy !== true), later: files.filter((f) => f.lazy === true) };
  }

  /** Start loading, one file after another (so the first is usable soonest). */
  loadLater(files: AppFile[], write: WriteFile, report: Report, fetchFn = fetch): void {
    this.pending += files.length;
    this.loaded = files.reduce(
      (previous, file) =>
        previous.then(async () => {
          try {
            write(file.name, await download(file, fetchFn));
          } catch (err) {
            report(`Could not load the app's file ${file.name}: ${String(err)}`);
          } finally {
            this.pending -= 1;
          }
        }),
      this.loaded,
    );
  }

  /** Resolves once every file started so far has loaded or failed; never rejects. */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  /** How many files are still loading. */
  get waiting(): number {
    return this.pending;
  }
}

async function download(file: AppFile, fetchFn: typeof fetch): Promise<Uint8Array> {
  if (file.url === undefined) throw new Error("it has no url");
  const response = await fetchFn(file.url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
