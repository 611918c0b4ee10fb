// The shared-state store of the browser, used by the worker on Python's behalf:
// IndexedDB (through idb) for the values, Web Locks for the cross-tab lock (lock.ts),
// and a BroadcastChannel for change notices (notices.ts) and lock requests. It
// implements lite/state/store.py's Store protocol; lite/_browser.py adapts it. Values
// stay opaque tagged-JSON strings here: JS never decodes them, Python does.

import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import { CrossTabLock, type Grant } from "./lock";
import { type Notice, Notices } from "./notices";

const DB_NAME = "lite-state";
const CHANNEL = "lite-state";

/** One shared name of one app version: the text is the codec's tagged JSON. */
interface Entry {
  ns: string;
  key: string;
  text: string;
  /** The namespace version that wrote it, so a tab that is behind reads only changes. */
  version: number;
}

/** Operations on top of an entry (lite/state/delta.py), written by one version. */
interface Delta {
  ns: string;
  key: string;
  version: number;
  text: string;
}

interface Meta {
  ns: string;
  version: number;
  /** The newest version that wrote a delta: none yet means there are none to read or drop. */
  delta_version?: number;
}

interface AppRecord {
  appId: string;
  /** Newest first. */
  namespaces: string[];
}

interface Quarantined {
  ns: string;
  key: string;
  text: string;
  reason: string;
  at: number;
}

/** What a commit answers; errors are values so they cross into Python plainly. */
export type CommitResult =
  | { ok: true; version: number }
  | { ok: false; error: "quota" | "conflict" | "failed"; message: string };

/** "I am waiting for this namespace's lock": a tab keeping it idle lets it go. */
interface Want {
  namespace: string;
  want: true;
}

/** The database's shape, so idb types every read and write (no casts). */
interface Schema extends DBSchema {
  meta: { key: string; value: Meta };
  entries: { key: [string, string]; value: Entry; indexes: { ns: string } };
  deltas: { key: [string, string, number]; value: Delta; indexes: { since: [string, number] } };
  quarantine: { key: number; value: Quarantined };
  apps: { key: string; value: AppRecord };
}

let database: Promise<IDBPDatabase<Schema>> | null = null;

function db(): Promise<IDBPDatabase<Schema>> {
  database ??= openDB<Schema>(DB_NAME, 2, {
    upgrade(upgrading, oldVersion) {
      if (oldVersion < 1) {
        upgrading.createObjectStore("meta", { keyPath: "ns" });
        const entries = upgrading.createObjectStore("entries", { keyPath: ["ns", "key"] });
        entries.createIndex("ns", "ns");
        upgrading.createObjectStore("quarantine", { autoIncrement: true });
        upgrading.createObjectStore("apps", { keyPath: "appId" });
      }
      if (oldVersion < 2) {
        const deltas = upgrading.createObjectStore("deltas", { keyPath: ["ns", "key", "version"] });
        deltas.createIndex("since", ["ns", "version"]);
      }
    },
  });
  return database;
}

/** Every delta of one name: keys [ns, key, version] sort after [ns, key]. */
function deltasOf(ns: string, key: string): IDBKeyRange {
  return IDBKeyRange.bound([ns, key], [ns, key, Infinity]);
}

/** Every record of a namespace in a store keyed [ns, ...]: arrays sort after all else. */
function allOf(ns: string): IDBKeyRange {
  return IDBKeyRange.bound([ns], [ns, []]);
}

export class StateStore {
  private readonly channel = new BroadcastChannel(CHANNEL);
  readonly lock = new CrossTabLock((namespace) =>
    this.channel.postMessage({ namespace, want: true } satisfies Want),
  );
  readonly notices = new Notices();
  /** A read made as soon as the lock was granted, for the transaction that waited for it. */
  private prefetched: { ns: string; since: number; json: string } | null = null;
  /**
   * Each namespace's meta as this tab last read or wrote it while holding the lock; it
   * stays true until another tab gets the lock, so a fresh grant forgets it.
   */
  private readonly known = new Map<string, Meta>();

  constructor() {
    this.channel.onmessage = (event: MessageEvent<Notice | Want>) => {
      const message = event.data;
      if ("want" in message) this.lock.wanted(message.namespace);
      else this.notices.receive(message);
    };
  }

  /** The lock at once if this tab kept it (see CrossTabLock.tryAcquire), else undefined. */
  tryAcquire(ns: string): Grant | undefined {
    const grant = this.lock.tryAcquire(ns);
    return grant && this.forgetReadOnRelease(grant);
  }

  /**
   * Wait for the namespace's cross-tab lock. With `since`, read what changed after that
   * version as soon as it is granted, before Python wakes up: the transaction reads
   * the store first thing, and takes this answer without another round trip (takeRead).
   */
  async acquire(ns: string, since?: number | null): Promise<Grant> {
    const granted = async (): Promise<void> => {
      this.known.delete(ns); // another tab may have written since
      if (typeof since === "number") await this.readAhead(ns, since);
    };
    return this.forgetReadOnRelease(await this.lock.acquire(ns, granted));
  }

  private async readAhead(ns: string, since: number): Promise<void> {
    try {
      const json = await this.readSince(ns, since);
      // Stopped meanwhile (abandon released it): this read must serve nobody.
      if (this.lock.holds(ns)) this.prefetched = { ns, since, json };
    } catch {
      this.prefetched = null; // Python's own read will report the failure
    }
  }

  /** The event waiting in acquire() was stopped: withdraw its request. */
  abandon(ns: string): void {
    this.lock.abandon(ns);
  }

  /** The read made when the lock was granted, if it answers exactly this question. */
  takeRead(ns: string, since: number): string | undefined {
    const read = this.prefetched;
    this.prefetched = null;
    return read !== null && read.ns === ns && read.since === since ? read.json : undefined;
  }

  /** The worker finished a message: pass on notices and hand over a lock others want. */
  settle(): void {
    this.notices.flush();
    this.lock.settle();
  }

  private forgetReadOnRelease(grant: Grant): Grant {
    return {
      kept: grant.kept,
      release: () => {
        this.prefetched = null;
        grant.release();
      },
    };
  }

  /**
   * JSON {version, entries: {key: text}, deltas: {key: [text, ...]}} of what changed
   * after `since`; deltas oldest first.
   */
  async readSince(ns: string, since: number): Promise<string> {
    const tx = (await db()).transaction(["meta", "entries", "deltas"], "readonly");
    const meta = await tx.objectStore("meta").get(ns);
    if (this.lock.holds(ns)) this.known.set(ns, meta ?? { ns, version: 0 });
    const version = meta?.version ?? 0;
    const entries: Record<string, string> = {};
    const deltas: Record<string, string[]> = {};
    if (version > since) {
      const all = await tx.objectStore("entries").index("ns").getAll(ns);
      for (const entry of all) if (entry.version > since) entries[entry.key] = entry.text;
      if ((meta?.delta_version ?? 0) > since) {
        const range = IDBKeyRange.bound([ns, since + 1], [ns, Infinity]);
        for (const delta of await tx.objectStore("deltas").index("since").getAll(range)) {
          (deltas[delta.key] ??= []).push(delta.text);
        }
      }
    }
    await tx.done;
    return JSON.stringify({ version, entries, deltas });
  }

  /**
   * Whole values, deltas and the version bump in ONE transaction: all of it lands, or
   * none. A whole value drops the deltas written on top of the one it replaces.
   */
  async commit(ns: string, valuesJson: string, baseVersion: number, deltasJson = "{}"): Promise<string> {
    const values = JSON.parse(valuesJson) as Record<string, string>;
    const deltas = JSON.parse(deltasJson) as Record<string, string>;
    return JSON.stringify(await this.write(ns, values, deltas, baseVersion));
  }

  private async write(
    ns: string,
    values: Record<string, string>,
    deltas: Record<string, string>,
    baseVersion: number,
  ): Promise<CommitResult> {
    let tx;
    try {
      // Relaxed: the write is done (and every tab sees it) once the OS has it; only
      // flushing it to disk is not awaited, which a power cut, not a crash, could lose.
      tx = (await db()).transaction(["meta", "entries", "deltas"], "readwrite", { durability: "relaxed" });
    } catch (err) {
      return failure(err);
    }
    const done = tx.done.catch(() => undefined); // failures are read from tx.error below
    try {
      const reading = tx.objectStore("meta").get(ns);
      // A tab that knows the meta (it has held the lock since it read or wrote it) sends
      // the writes along with this read, one round trip instead of two; the read then
      // only confirms the version, and a mismatch aborts the whole transaction.
      const meta = this.known.get(ns) ?? (await reading);
      const version = baseVersion + 1;
      const entries = tx.objectStore("entries");
      const ops = tx.objectStore("deltas");
      const hadDeltas = meta?.delta_version !== undefined;
      const delta_version = Object.keys(deltas).length > 0 ? version : meta?.delta_version;
      const next: Meta = { ns, version, ...(delta_version === undefined ? {} : { delta_version }) };
      const writes = Promise.all([
        ...Object.entries(values).flatMap(([key, text]) => [
          hadDeltas ? ops.delete(deltasOf(ns, key)) : undefined,
          entries.put({ ns, key, text, version } satisfies Entry),
        ]),
        ...Object.entries(deltas).map(([key, text]) => ops.put({ ns, key, version, text } satisfies Delta)),
        tx.objectStore("meta").put(next),
      ]);
      writes.catch(() => undefined); // aborted on a conflict, which is reported below
      const current = (await reading)?.version ?? 0;
      if (current !== baseVersion) {
        tx.abort();
        await done;
        this.known.delete(ns);
        const message = `the store is at version ${current}, not ${baseVersion}`;
        return { ok: false, error: "conflict", message };
      }
      await Promise.all([writes, tx.done]);
      this.known.set(ns, next);
      return { ok: true, version };
    } catch (err) {
      this.known.delete(ns);
      try {
        tx.abort();
      } catch {
        // the failure already aborted it
      }
      await done;
      // A quota failure aborts the transaction with QuotaExceededError as its error,
      // while each request only sees the abort.
      return failure(tx.error ?? err);
    }
  }

  /** Keep an entry that failed to decode aside, and take it out of the live values. */
  async quarantine(ns: string, key: string, text: string, reason: string): Promise<void> {
    const tx = (await db()).transaction(["entries", "deltas", "quarantine"], "readwrite");
    void tx.objectStore("quarantine").add({ ns, key, text, reason, at: Date.now() } satisfies Quarantined);
    const entries = tx.objectStore("entries");
    const entry = await entries.get([ns, key]);
    // Another tab may have replaced the bad value meanwhile; keep the new one.
    if (entry !== undefined && entry.text === text) {
      await Promise.all([entries.delete([ns, key]), tx.objectStore("deltas").delete(deltasOf(ns, key))]);
    }
    await tx.done;
  }

  broadcast(ns: string, version: number, namesJson: string): void {
    const names = JSON.parse(namesJson) as string[];
    this.channel.postMessage({ namespace: ns, version, names } satisfies Notice);
  }

  /** One listener per namespace: this worker runs one app. names arrive as JSON. */
  subscribe(ns: string, listener: (version: number, names: string) => void): void {
    this.notices.subscribe(ns, listener);
  }

  /** Note that the app uses `ns`; drop the data of its namespaces past the newest `keep`. */
  async register(ns: string, appId: string, keep: number): Promise<void> {
    // A tab of an old version may still hold (keep) its lock, and skips reading the
    // store then: its data stays. (Asked before the transaction, which an await on
    // anything but IndexedDB would end.)
    const locks = await navigator.locks.query();
    const inUse = new Set((locks.held ?? []).map((lock) => lock.name));
    const tx = (await db()).transaction(["apps", "meta", "entries", "deltas"], "readwrite");
    const apps = tx.objectStore("apps");
    const record = await apps.get(appId);
    const used = [ns, ...(record?.namespaces ?? []).filter((n) => n !== ns)];
    void apps.put({ appId, namespaces: used.slice(0, keep) } satisfies AppRecord);
    const stillUsed = new Set<string>();
    for (const other of await apps.getAll()) {
      const kept = other.appId === appId ? used.slice(0, keep) : other.namespaces;
      for (const n of kept) stillUsed.add(n);
    }
    for (const old of used.slice(keep)) {
      if (stillUsed.has(old)) continue; // another app shares it through an explicit key
      if (inUse.has(`lite-state:${old}`)) continue;
      void tx.objectStore("meta").delete(old);
      void tx.objectStore("deltas").delete(allOf(old));
      const entries = tx.objectStore("entries");
      for (const key of await entries.index("ns").getAllKeys(old)) void entries.delete(key);
    }
    await tx.done;
  }
}

function failure(err: unknown): CommitResult {
  const name = err instanceof DOMException || err instanceof Error ? err.name : "";
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, error: name === "QuotaExceededError" ? "quota" : "failed", message };
}
