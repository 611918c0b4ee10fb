// Ordering rules for events, kept free of the DOM so they can be unit tested.

import type { PageMessage } from "./protocol";

/**
 * Messages for the worker. Before the app is ready they wait here, so a click
 * during boot is not lost; after that they go straight out. The worker handles
 * them one at a time in arrival order, so results come back in the same order.
 */
export class Outbox {
  private waiting: PageMessage[] = [];
  private open = false;

  constructor(private readonly post: (message: PageMessage) => void) {}

  send(message: PageMessage): void {
    if (this.open) this.post(message);
    else this.waiting.push(message);
  }

  /** The app is ready: send what waited, in order. */
  openUp(): void {
    this.open = true;
    const waiting = this.waiting;
    this.waiting = [];
    for (const message of waiting) this.post(message);
  }
}

/**
 * Live mode: every change asks for a run, but while one runs, further changes
 * only mark it dirty, and a single follow-up run (with the latest values) goes
 * out when it finishes. A burst of keystrokes costs at most two runs.
 */
export class Coalescer {
  private busy = false;
  private dirty = false;

  constructor(private readonly run: () => void) {}

  request(): void {
    if (this.busy) {
      this.dirty = true;
      return;
    }
    this.busy = true;
    this.run();
  }

  /** The run started by this coalescer finished. */
  done(): void {
    this.busy = false;
    if (this.dirty) {
      this.dirty = false;
      this.request();
    }
  }
}
