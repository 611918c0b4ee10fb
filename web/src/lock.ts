// The cross-tab lock of one namespace's shared data: Web Locks, which the browser frees
// by itself when a tab dies, plus the habits that make taking it cheap. A tab used alone
// keeps the lock between its events, so its next event neither waits nor reads the
// store; a tab that hears another one wait hands it over, except for a few milliseconds
// more when its own next event is already queued (handing over costs more than a small
// event, so a burst runs in slices, not one event per hand-over).

/** How long after another tab wanted the lock this tab hands it over at once. */
const CONTENDED_MS = 1000;
/**
 * How long a tab may keep a lock others want, for its own queued events: a waiting tab
 * waits at most this much longer, well under what a person notices, and a burst pays
 * for a hand-over every 50 ms instead of every event.
 */
const BURST_MS = 50;
/** How long a lock request waits before the page says "waiting for another tab". */
const WAIT_NOTICE_MS = 300;

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

export class CrossTabLock {
  /**
   * Hook: this tab starts waiting for the namespace's lock, a transaction of its holds
   * it, or the transaction is over ("released", even while the lock is kept idle).
   */
  onLock: (state: "waiting" | "held" | "released", ns: string) => void = () => undefined;
  /** Hook: the worker's next message is an event that takes the lock again at once. */
  nextNeedsLock: () => boolean = () => false;
  private readonly held = new Map<string, Held>();
  /** Namespaces whose lock this tab waits for; true once another tab said it waits too. */
  private readonly waiting = new Map<string, boolean>();
  /** Lock requests not granted yet, by namespace, so a stopped event can withdraw its own. */
  private readonly abandons = new Map<string, AbortController>();
  /** When another tab last asked for or took a namespace's lock (performance.now()). */
  private readonly contended = new Map<string, number>();
  /** Namespaces whose lock this tab has had, to tell when another tab took it since. */
  private readonly hadLock = new Set<string>();

  /** `askOthers(ns)` tells the other tabs that this one waits for the lock. */
  constructor(private readonly askOthers: (ns: string) => void) {}

  /** A transaction of this tab holds the namespace's lock now. */
  holds(ns: string): boolean {
    return this.held.get(ns)?.busy === true;
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
   * Wait for the namespace's lock. `onGrant` runs as soon as it is granted, before the
   * caller hears of it (the store reads ahead there).
   */
  acquire(ns: string, onGrant?: () => Promise<void>): Promise<Grant> {
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
          const since = performance.now();
          const held = new Promise<void>((letGo) => this.held.set(ns, { letGo, busy: true, wanted, since }));
          this.onLock("held", ns);
          await onGrant?.();
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
        if (this.waiting.get(ns) === false) this.askOthers(ns);
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
    } else if (this.holds(ns)) {
      // Granted just as the event stopped: Python never got the grant; end it here.
      this.release(ns);
    }
  }

  /** Another tab waits for the namespace's lock. */
  wanted(ns: string): void {
    this.contended.set(ns, performance.now());
    const held = this.held.get(ns);
    if (held === undefined) {
      if (this.waiting.has(ns)) this.waiting.set(ns, true);
      return;
    }
    if (held.busy) held.wanted = true;
    else this.letGo(ns);
  }

  /** The worker finished a message: hand over a wanted lock the next one won't take. */
  settle(): void {
    for (const [ns, held] of this.held) {
      if (!held.busy && held.wanted && !this.inBurst(held)) this.letGo(ns);
    }
  }

  /**
   * The transaction is over. Keep the lock while no other tab waits for it: this
   * tab's next event then neither waits for it nor reads the store. Keep it briefly
   * even when others wait, if this tab's next event is already queued (a burst).
   */
  private release(ns: string): void {
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

  private letGo(ns: string): void {
    const held = this.held.get(ns);
    this.held.delete(ns);
    held?.letGo();
  }
}
