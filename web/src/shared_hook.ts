// Testing hook for the app's shared data, used by the Python testing kit (lite/testing)
// for `shared_state()` and `reset_shared_state()`. It stands in until the shared-data
// export/import/reset API of the global-state work lands; the kit should then call that.
// Values stay tagged-JSON text here; the kit decodes them with lite.state.codec.

import { db } from "./store";

interface AppRecord {
  appId: string;
  namespaces: string[];
}

/** The namespace the app uses now: the newest one it registered (store.ts register()). */
async function currentNamespace(appId: string): Promise<string | null> {
  const record = (await (await db()).get("apps", appId)) as AppRecord | undefined;
  return record?.namespaces[0] ?? null;
}

/** {key: tagged JSON} of the app's stored shared values; keys are "module:name". */
export async function readShared(appId: string): Promise<Record<string, string>> {
  const ns = await currentNamespace(appId);
  if (ns === null) return {};
  const entries = (await (await db()).getAllFromIndex("entries", "ns", ns)) as { key: string; text: string }[];
  return Object.fromEntries(entries.map((e) => [e.key, e.text]));
}

/**
 * Delete the app's stored shared values and its version, under its cross-tab lock (the
 * name store.ts acquire() uses). Running tabs keep their values in memory: the caller
 * reloads them so every tab starts from the module's initial values.
 */
export async function clearShared(appId: string): Promise<void> {
  const ns = await currentNamespace(appId);
  if (ns === null) return;
  await navigator.locks.request(`lite-state:${ns}`, async () => {
    const tx = (await db()).transaction(["meta", "entries"], "readwrite");
    const entries = tx.objectStore("entries");
    await Promise.all([
      ...(await entries.index("ns").getAllKeys(ns)).map((key) => entries.delete(key)),
      tx.objectStore("meta").delete(ns),
    ]);
    await tx.done;
  });
}
