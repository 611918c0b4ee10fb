// Shared data (store.ts) lives in IndexedDB, which the browser may evict under storage
// pressure unless the origin's storage is persistent. Once the origin holds shared data,
// ask for that, once per page: when an app is ready, and after each submit until then
// (the first shared value is written by an event). Persistence is granted per origin,
// as the data is stored; Chromium decides without asking the user.

import { openDB } from "idb";

const DB_NAME = "lite-state"; // store.ts's database and its store of values
const ENTRIES = "entries";
// Long enough for the event to run and commit; a later submit checks again.
const AFTER_SUBMIT_MS = 2000;

let asked = false;

export function keepSharedData(host: HTMLElement): void {
  host.addEventListener("lite-ready", () => void ask(), { once: true });
  host.addEventListener("submit", () => setTimeout(() => void ask(), AFTER_SUBMIT_MS), true);
}

async function ask(): Promise<void> {
  if (asked || navigator.storage?.persist === undefined || indexedDB.databases === undefined) return;
  try {
    // Only an existing database is opened: opening a missing one would create it empty.
    const databases = await indexedDB.databases();
    if (!databases.some((db) => db.name === DB_NAME)) return;
    const db = await openDB(DB_NAME);
    const held = db.objectStoreNames.contains(ENTRIES) ? await db.count(ENTRIES) : 0;
    db.close();
    if (held === 0 || asked) return;
    asked = true;
    if (!(await navigator.storage.persisted())) await navigator.storage.persist();
  } catch {
    // Storage refused (a private window, say): the data stays, only less protected.
  }
}
