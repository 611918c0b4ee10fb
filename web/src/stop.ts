// Stopping a running event. Three ways, tried in order:
// - the interrupt buffer (only when the page is cross-origin isolated, so a
//   SharedArrayBuffer exists): Python gets KeyboardInterrupt even in `while True:`,
//   and session state survives;
// - a stop message: the worker cancels an async function at its await;
// - if the event has still not ended after a grace period, the page ends the worker
//   and starts a fresh one (the app then says that this tab's session state was reset).

/** How long a stopped event gets to end before its worker is replaced. */
export const GRACE_MS = { isolated: 2000, plain: 500 } as const;

export class Stopper {
  /** Shared with the worker for Pyodide's setInterruptBuffer; null when not isolated. */
  readonly buffer: SharedArrayBuffer | null;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(isolated: boolean = globalThis.crossOriginIsolated === true) {
    this.buffer = isolated ? new SharedArrayBuffer(4) : null;
  }

  get isolated(): boolean {
    return this.buffer !== null;
  }

  /** Stop event `id`: interrupt, ask, and call `replace` if it hasn't ended in time. */
  stop(id: number, ask: () => void, replace: () => void): void {
    if (this.timers.has(id)) return;
    if (this.buffer !== null) Atomics.store(new Int32Array(this.buffer), 0, 2); // SIGINT
    ask();
    const wait = this.isolated ? GRACE_MS.isolated : GRACE_MS.plain;
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        replace();
      }, wait),
    );
  }

  /** The event ended (answered, failed or stopped): no replacing needed. */
  ended(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }

  /** A new worker starts: no interrupt may be left pending for it. */
  reset(): void {
    if (this.buffer !== null) Atomics.store(new Int32Array(this.buffer), 0, 0);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
