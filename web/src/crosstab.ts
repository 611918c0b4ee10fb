// One tab must never stall the others without a word. When this tab's event waits for
// the app's shared-data lock, it says so and offers to stop the event holding it; the
// holding tab is told when it has kept others waiting. Tabs talk over a
// BroadcastChannel, every message scoped by the app's namespace and aimed at one tab
// and one event. The PAGE of the holding tab acts on a stop request: its worker may be
// stuck in `while True:` and never read anything.

import { h } from "./dom";

const CHANNEL = "lite-events";
/** How long this tab may keep others waiting before it is told. */
export const BLOCKING_NOTICE_MS = 3000;

export type Signal =
  | { kind: "waiting"; namespace: string; tab: string }
  | { kind: "holder"; namespace: string; tab: string; event: number | null }
  | { kind: "stop"; namespace: string; tab: string | null; event: number | null };

export interface CrossTabHooks {
  /** The event this tab's worker runs now, if any. */
  running(): number | null;
  /** Stop this tab's event `id` (as its own Stop button would). */
  stop(id: number): void;
}

export class CrossTab {
  /** Where the notices show; empty (and hidden) when there is nothing to say. */
  readonly root: HTMLElement;
  readonly tab = Math.random().toString(36).slice(2);
  private readonly channel = new BroadcastChannel(CHANNEL);
  private namespace: string | null = null;
  private holding = false;
  private waiting = false;
  private holder: { tab: string; event: number | null } | null = null;
  private blockingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly hooks: CrossTabHooks) {
    this.root = h("div", { class: "lite-crosstab", role: "status", hidden: true });
    this.channel.onmessage = (event: MessageEvent<Signal>) => this.receive(event.data);
  }

  /** The worker's lock report: "waiting", "held" or "released". */
  lock(state: "waiting" | "held" | "released", namespace: string): void {
    this.namespace = namespace;
    if (state === "waiting") {
      this.waiting = true;
      this.holder = null;
      this.show(
        "Waiting for another tab of this app: its event holds the app's shared data.",
        "Stop the other tab's event",
        () => this.askToStop(),
      );
      this.send({ kind: "waiting", namespace, tab: this.tab });
      return;
    }
    this.waiting = false;
    this.holding = state === "held";
    this.clearBlocking();
    this.hide();
    if (this.holding) this.announce();
  }

  /** This tab's worker was replaced: whatever it held, the browser released. */
  reset(): void {
    this.holding = false;
    this.waiting = false;
    this.clearBlocking();
    this.hide();
  }

  close(): void {
    this.clearBlocking();
    this.channel.close();
  }

  private receive(signal: Signal): void {
    if (signal.namespace !== this.namespace) return;
    if (signal.kind !== "stop" && signal.tab === this.tab) return;
    switch (signal.kind) {
      case "waiting":
        if (this.holding) {
          this.announce();
          this.blockingTimer ??= setTimeout(() => this.blocking(), BLOCKING_NOTICE_MS);
        }
        break;
      case "holder":
        if (this.waiting) this.holder = { tab: signal.tab, event: signal.event };
        break;
      case "stop": {
        const mine = signal.tab === this.tab || signal.tab === null;
        const running = this.hooks.running();
        if (mine && this.holding && running !== null && (signal.event ?? running) === running) {
          this.hooks.stop(running);
        }
        break;
      }
    }
  }

  private announce(): void {
    if (this.namespace === null) return;
    this.send({ kind: "holder", namespace: this.namespace, tab: this.tab, event: this.hooks.running() });
  }

  private askToStop(): void {
    if (this.namespace === null) return;
    const target = this.holder;
    this.send({ kind: "stop", namespace: this.namespace, tab: target?.tab ?? null, event: target?.event ?? null });
    this.show("Asked the other tab to stop its event…", null, null);
  }

  private blocking(): void {
    this.blockingTimer = null;
    const running = this.hooks.running();
    if (!this.holding || running === null) return;
    this.show(
      "This tab's event is keeping another tab of this app waiting.",
      "Stop this event",
      () => this.hooks.stop(running),
    );
  }

  private clearBlocking(): void {
    if (this.blockingTimer !== null) clearTimeout(this.blockingTimer);
    this.blockingTimer = null;
  }

  private show(text: string, action: string | null, onClick: (() => void) | null): void {
    const button = action === null ? null : h("button", { type: "button", class: "lite-btn lite-btn-secondary" }, action);
    if (button !== null && onClick !== null) button.addEventListener("click", onClick);
    this.root.replaceChildren(h("p", {}, text), ...(button === null ? [] : [button]));
    this.root.hidden = false;
  }

  private hide(): void {
    this.root.replaceChildren();
    this.root.hidden = true;
  }

  private send(signal: Signal): void {
    this.channel.postMessage(signal);
  }
}
