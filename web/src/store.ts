// The shared-state store of the browser, used by the worker on Python's behalf:
// IndexedDB (through idb) for the values, Web Locks for the cross-tab lock, and a
// BroadcastChannel for change notices. It implements lite/state/store.py's Store
// protocol; lite/_browser.py adapts it. Values stay opaque tagged-JSON strings here:
// JS never decodes them, Python does.

import { type DBSchema, type IDBPDatabase, openDB } from "idb";

const DB_NAME = "lite-state";
const CHANNEL = "lite-state";
/** How long after another tab wanted the lock this tab hands it over at once. */
const CONTENDED_MS = 1000;
/**
 * How long a tab may keep a lock other tabs want for its own queued events: handing the
 * lock over costs more than a small event, so a burst runs in slices, not one by one.
 */
const BURST_MS = 20;
/**
 * Change notices that arrive while this worker runs a message are merged and passed on
 * when it is done, or after this long: a burst of commits in other tabs costs a few
 * calls into Python and the page, not hundreds.
 */
const NOTICE_MS = 50;

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

export interface Notice {
  namespace: string;
  version: number;
  names: string[];
}

/** "I am waiting for this namespace's lock": a tab keeping it idle lets it go. */
interface Want {
  namespace: string;
  want: true;
}

/** What acquire() gives: `kept` says this tab held the lock since it last released it. */
export interface Grant {
  kept: boolean;
  release: () => void;
}

/** The lock of a namespace while this tab has it, in use by a transaction or idle. */
interface Held {
  letGo: () => void;
  busy: boolean;
  wanted: boolean;
  /** When it was granted (performance.now()), to bound a burst. */
  since: number;
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

/** How long a lock request waits before the page says "waiting for another tab". */
const WAIT_NOTICE_MS = 300;

export class StateStore {
  /**
   * Hook: this tab starts waiting for the namespace's lock, a transaction of its holds
   * it, or the transaction is over ("released", even while the lock is kept idle).
   */
  onLock: (state: "waiting" | "held" | "released", ns: string) => void = () => undefined;
  /** Hook: the worker's next message is an event that takes the lock again at once. */
  nextNeedsLock: () => boolean = () => false;
  /** Hook: the worker is running a message. */
  busy: () => boolean = () => false;
  private readonly channel = new BroadcastChannel(CHANNEL);
  private readonly listeners = new Map<string, (version: number, names: string) => void>();
  private readonly held = new Map<string, Held>();
  /** Namespaces whose lock this tab waits for; true once another tab said it waits too. */
  private readonly waiting = new Map<string, boolean>();
  /** Lock requests not granted yet, by namespace, so a stopped event can withdraw its own. */
  private readonly abandons = new Map<string, AbortController>();
  /** When another tab last asked for or took a namespace's lock (performance.now()). */
  private readonly contended = new Map<string, number>();
  /** Notices gathered while the worker is busy, merged by namespace. */
  private readonly gathered = new Map<string, Notice>();
  private gatherTimer: ReturnType<typeof setTimeout> | undefined;
  /** Namespaces whose lock this tab has had, to tell when another tab took it since. */
  private readonly hadLock = new Set<string>();
  /** A read made as soon as the lock was granted, for the transaction that waited for it. */
  private prefetched: { ns: string; since: number; json: string } | null = null;

  constructor() {
    this.channel.onmessage = (event: MessageEvent<Notice | Want>) => {
      const notice = event.data;
      if ("want" in notice) {
        this.wanted(notice.namespace);
        return;
      }
      this.notice(notice);
    };
  }

  private notice(notice: Notice): void {
    const earlier = this.gathered.get(notice.namespace);
    const names = [...new Set([...(earlier?.names ?? []), ...notice.names])];
    const version = Math.max(notice.version, earlier?.version ?? 0);
    this.gathered.set(notice.namespace, { ...notice, version, names });
    if (!this.busy()) this.passNotices();
    else this.gatherTimer ??= setTimeout(() => this.passNotices(), NOTICE_MS);
  }

  private passNotices(): void {
    clearTimeout(this.gatherTimer);
    this.gatherTimer = undefined;
    const notices = [...this.gathered.values()];
    this.gathered.clear();
    for (const { namespace, version, names } of notices) {
      this.listeners.get(namespace)?.(version, JSON.stringify(names));
    }
  }

  /**
   * The namespace's lock at once, if this tab kept it (idle) since its last transaction;
   * else undefined, and acquire() waits for it. Kept means no other tab can have committed
   * in between, so the caller needn't read the store.
   */
  tryAcquire(ns: string): Grant | undefined {
    const held = this.held.get(ns);
    if (held === undefined || held.busy) return undefined;
    held.busy = true;
    this.onLock("held", ns);
    return { kept: true, release: () => this.release(ns) };
  }

  /**
   * Wait for the namespace's cross-tab lock (Web Locks). The browser releases it by
   * itself if this tab dies while holding it.
   */
  acquire(ns: string, since?: number | null): Promise<Grant> {
    const kept = this.tryAcquire(ns);
    if (kept !== undefined) return Promise.resolve(kept);
    this.waiting.set(ns, this.waiting.get(ns) ?? false);
    const abandon = new AbortController();
    this.abandons.set(ns, abandon);
    return new Promise((granted, failed) => {
      const notice = setTimeout(() => this.onLock("waiting", ns), WAIT_NOTICE_MS);
      navigator.locks
        .request(`lite-state:${ns}`, { signal: abandon.signal }, async () => {
          clearTimeout(notice);
          this.abandons.delete(ns);
          // Others asked while this tab waited: they wait still, so don't keep it.
          const wanted = this.waiting.get(ns) ?? false;
          // Granted afresh after holding it before: another tab had it in between.
          if (this.hadLock.has(ns)) this.contended.set(ns, performance.now());
          this.hadLock.add(ns);
          this.waiting.delete(ns);
          const held = new Promise<void>((letGo) => this.held.set(ns, { letGo, busy: true, wanted, since: performance.now() }));
          this.onLock("held", ns);
          // The transaction reads the store first thing: read now, before Python
          // wakes up, and it takes the answer without another round trip (takeRead).
          if (typeof since === "number") {
            try {
              const json = await this.readSince(ns, since);
              // Stopped meanwhile (abandon released it): this read must serve nobody.
              if (this.held.get(ns)?.busy) this.prefetched = { ns, since, json };
            } catch {
              this.prefetched = null; // Python's own read will report the failure
            }
          }
          granted({ kept: false, release: () => this.release(ns) });
          return held;
        })
        .catch((err: unknown) => {
          clearTimeout(notice);
          if (this.abandons.get(ns) === abandon) this.abandons.delete(ns);
          failed(err);
        });
      // A tab keeping the lock idle lets it go when asked; one asking is enough, so a
      // tab that hears another ask first stays quiet (a busy holder lets go anyway
      // when it sees requests pending, in release()).
      setTimeout(() => {
        if (this.waiting.get(ns) === false) {
          this.channel.postMessage({ namespace: ns, want: true } satisfies Want);
        }
      }, 1);
    });
  }

  /**
   * The event waiting in acquire() was stopped: withdraw the request, so the lock is
   * not granted later to nobody (and held by this tab for ever).
   */
  abandon(ns: string): void {
    const request = this.abandons.get(ns);
    this.abandons.delete(ns);
    if (request !== undefined) {
      this.waiting.delete(ns);
      request.abort();
      this.onLock("released", ns);
    } else if (this.held.get(ns)?.busy) {
      // Granted just as the event stopped: Python never got the grant; end it here.
      this.release(ns);
    }
  }

  /** The read made when the lock was granted, if it answers exactly this question. */
  takeRead(ns: string, since: number): string | undefined {
    const read = this.prefetched;
    this.prefetched = null;
    return read !== null && read.ns === ns && read.since === since ? read.json : undefined;
  }

  /**
   * The transaction is over. Keep the lock while no other tab waits for it: this
   * tab's next event then neither waits for it nor reads the store. Keep it briefly
   * even when others wait, if this tab's next event is already queued (a burst).
   */
  private release(ns: string): void {
    this.prefetched = null;
    const held = this.held.get(ns);
    if (held === undefined || !held.busy) return;
    held.busy = false;
    this.onLock("released", ns);
    // Keeping the lock pays off for a tab used alone; while tabs take turns, the next
    // one would wait for this tab to hear that it waits, so hand it over at once.
    const recent = performance.now() - (this.contended.get(ns) ?? -Infinity) < CONTENDED_MS;
    if (held.wanted || recent) {
      held.wanted = true;
      if (!this.inBurst(held)) this.letGo(ns);
      return;
    }
    // A request made before this tab took the lock was asked for before we listened.
    void navigator.locks.query().then(({ pending }) => {
      if (pending?.some((lock) => lock.name === `lite-state:${ns}`)) this.wanted(ns);
    });
  }

  /** Keep a wanted lock for the next queued event, while the hold is young. */
  private inBurst(held: Held): boolean {
    return this.nextNeedsLock() && performance.now() - held.since < BURST_MS;
  }

  /**
   * The worker finished a message: pass on the notices that came meanwhile, and hand
   * over a wanted lock the next message won't take.
   */
  settle(): void {
    if (this.gathered.size > 0) this.passNotices();
    for (const [ns, held] of this.held) {
      if (!held.busy && held.wanted && !this.inBurst(held)) this.letGo(ns);
    }
  }

  private wanted(ns: string): void {
    this.contended.set(ns, performance.now());
    const held = this.held.get(ns);
    if (held === undefined) {
      if (this.waiting.has(ns)) this.waiting.set(ns, true);
      return;
    }
    if (held.busy) held.wanted = true;
    else this.letGo(ns);
  }

  private letGo(ns: string): void {
    const held = this.held.get(ns);
    this.held.delete(ns);
    held?.letGo();
  }

  /**
   * JSON {version, entries: {key: text}, deltas: {key: [text, ...]}} of what changed
   * after `since`; deltas oldest first.
   */
  async readSince(ns: string, since: number): Promise<string> {
    const tx = (await db()).transaction(["meta", "entries", "deltas"], "readonly");
    const meta = await tx.objectStore("meta").get(ns);
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
      const meta = await tx.objectStore("meta").get(ns);
      const current = meta?.version ?? 0;
      if (current !== baseVersion) {
        tx.abort();
        await done;
        const message = `the store is at version ${current}, not ${baseVersion}`;
        return { ok: false, error: "conflict", message };
      }
      const version = current + 1;
      const entries = tx.objectStore("entries");
      const ops = tx.objectStore("deltas");
      const anyDeltas = Object.keys(deltas).length > 0;
      const hadDeltas = meta?.delta_version !== undefined;
      const delta_version = anyDeltas ? version : meta?.delta_version;
      await Promise.all([
        ...Object.entries(values).flatMap(([key, text]) => [
          hadDeltas ? ops.delete(deltasOf(ns, key)) : undefined,
          entries.put({ ns, key, text, version } satisfies Entry),
        ]),
        ...Object.entries(deltas).map(([key, text]) => ops.put({ ns, key, version, text } satisfies Delta)),
        tx.objectStore("meta").put({ ns, version, ...(delta_version === undefined ? {} : { delta_version }) } satisfies Meta),
        tx.done,
      ]);
      return { ok: true, version };
    } catch (err) {
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
    this.listeners.set(ns, listener);
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
