// Files across the page/worker seam, the JS half (lite/files.py is Python's). A file is
// a FileData in the JSON; its bytes travel beside the message as transferred
// ArrayBuffers (never base64), and `buffer` names which one while crossing.
// No DOM here: the worker uses it too, and the unit tests run it under Node.

import type { FileData, Json } from "./protocol";

export function isFileData(value: Json | undefined): value is FileData {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value["_type"] === "file";
}

/** A copy of `value` with every FileData in it replaced by `f(file)`. */
export function mapFiles(value: Json, f: (file: FileData) => FileData): Json {
  if (isFileData(value)) return f(value);
  if (Array.isArray(value)) return value.map((v) => mapFiles(v, f));
  if (typeof value === "object" && value !== null) {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapFiles(v, f);
    return out;
  }
  return value;
}

/** Every FileData in `value`. */
export function filesIn(value: Json): FileData[] {
  const found: FileData[] = [];
  mapFiles(value, (file) => {
    found.push(file);
    return file;
  });
  return found;
}

/** The page's picked files, by the object URL each input widget shows them with. */
const picked = new Map<string, Blob>();

/** A FileData for a file the user picked; its object URL previews it in the page. */
export function pickedFile(file: File): FileData {
  const url = URL.createObjectURL(file);
  picked.set(url, file);
  return { _type: "file", path: null, url, orig_name: file.name, size: file.size, mime_type: file.type || null, buffer: null };
}

/** Forget (and revoke) a picked file's URL once its widget no longer shows it. */
export function releasePicked(file: FileData): void {
  if (file.url !== null && picked.delete(file.url)) URL.revokeObjectURL(file.url);
}

/**
 * The event's input values with each picked file's bytes attached as a buffer to
 * transfer. Read afresh per event: a transferred buffer is gone from the page.
 */
export async function packFiles(data: Json[]): Promise<{ data: Json[]; buffers: ArrayBuffer[] }> {
  const blobs: Blob[] = [];
  const packed = data.map((value) =>
    mapFiles(value, (file) => {
      const blob = file.path === null && file.url !== null ? picked.get(file.url) : undefined;
      if (blob === undefined) return file;
      blobs.push(blob);
      return { ...file, buffer: blobs.length - 1 };
    }),
  );
  const buffers = await Promise.all(blobs.map((blob) => blob.arrayBuffer()));
  return { data: packed, buffers };
}

/**
 * Output files that arrived with buffers become object URLs. Each output widget
 * revokes the URLs of what it showed before (revokeReceived), so none leak.
 */
export function unpackFiles(data: Json[], buffers: ArrayBuffer[]): Json[] {
  return data.map((value) =>
    mapFiles(value, (file) => {
      const buffer = file.buffer === null ? undefined : buffers[file.buffer];
      if (buffer === undefined) return file;
      const blob = new Blob([buffer], file.mime_type ? { type: file.mime_type } : {});
      const url = URL.createObjectURL(blob);
      received.add(url);
      return { ...file, url, buffer: null };
    }),
  );
}

const received = new Set<string>();

/** Revoke the object URLs unpackFiles made for the files in `value`. */
export function revokeReceived(value: Json): void {
  for (const file of filesIn(value)) {
    if (file.url !== null && received.delete(file.url)) URL.revokeObjectURL(file.url);
  }
}

/** How many received URLs are alive (tests check that replacing outputs frees them). */
export function liveReceivedUrls(): number {
  return received.size;
}
