// One running app: its worker, its message queue and the flow of events
// between the form and Python.

import { h } from "./dom";
import type { AppConfig, ErrorInfo, EventResult, PageMessage, WorkerMessage } from "./protocol";
import { BootProgress, bootErrorBox, errorPanel, Toasts } from "./render/feedback";
import { type InterfaceView, renderInterface } from "./render/interface";
import type { AppSource } from "./source";
import { Coalescer, Outbox } from "./queue";
import { SharedData, SharedDataControl } from "./shareddata";

/** How the app is doing, mirrored on the element as data-status for tests and styling. */
export type Status = "loading" | "ready" | "error";

interface Sent {
  kind: "event" | "clear";
  /** Clear bumps the generation; results of older events no longer overwrite the outputs. */
  generation: number;
  live: boolean;
}

export class App {
  /** Hook: another tab changed the app's shared data. Replace to re-run load events etc. */
  onStateChanged: (names: string[]) => void;
  /** Export, import and reset of the app's shared data (the element's `sharedData`). */
  readonly sharedData = new SharedData(
    (message) => this.outbox.send(message),
    () => ++this.nextId,
  );
  private sharedControl: SharedDataControl | null = null;

  private readonly area = h("div", { class: "lite-area" });
  private readonly root: HTMLElement;
  private readonly toasts = new Toasts();
  private readonly progress = new BootProgress();
  private readonly worker: Worker;
  private readonly outbox: Outbox;
  private readonly sent = new Map<number, Sent>();
  private readonly live = new Coalescer(() => this.submit(true));
  private view: InterfaceView | null = null;
  private config: AppConfig | null = null;
  private nextId = 0;
  private generation = 0;
  private answered = false;
  /** The worker answered Ready; before that, a failure is a boot failure. */
  private booted = false;

  constructor(
    private readonly host: HTMLElement,
    source: Promise<AppSource>,
    assetsUrl: string,
  ) {
    this.root = h("div", { class: "lite-root" }, this.area, this.toasts.root);
    host.replaceChildren(this.root);
    this.area.append(this.progress.root);
    this.setStatus("loading");
    this.onStateChanged = () => {
      this.toasts.notice("Shared data was updated in another tab");
      // Opt-in: show the new shared data by running the function again on the current
      // inputs, once the app has answered at least once (like a page's load events).
      if (host.hasAttribute("rerun-on-change") && this.answered) this.live.request();
    };

    this.worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
    this.worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => this.receive(event.data));
    // A worker that fails to load or crashes never answers: show it like a boot failure.
    this.worker.addEventListener("error", (event) => {
      const message = event.message || "The app's worker failed to load.";
      this.fail({ kind: "exception", type: "WorkerError", message, traceback: null });
    });
    this.outbox = new Outbox((message: PageMessage) => this.worker.postMessage(message));

    source.then(
      ({ config, ...s }) => {
        this.worker.postMessage({ type: "boot", assetsUrl, ...s } satisfies PageMessage);
        // The pre-rendered UI works at once: what is typed stays, clicks wait in the outbox.
        if (config) this.show(config);
      },
      (err: unknown) => this.fail(asError(err, "BootError")),
    );
  }

  private setStatus(status: Status): void {
    this.host.dataset["status"] = status;
  }

  private receive(message: WorkerMessage): void {
    switch (message.type) {
      case "progress":
        this.progress.update(message.step, message.text);
        break;
      case "log":
        log(message.level, message.text);
        break;
      case "notice":
        log(message.level, message.text);
        this.toasts.show({
          level: message.level,
          message: message.text,
          title: message.level === "error" ? "Error" : null,
          duration: message.level === "error" ? null : 10,
        });
        break;
      case "ready":
        this.ready(message.config);
        break;
      case "boot-error":
        this.fail(message.error);
        break;
      case "result":
        this.result(message);
        break;
      case "state-changed":
        this.host.dispatchEvent(new CustomEvent("lite-state-changed", { detail: { names: message.names } }));
        this.onStateChanged(message.names);
        if (this.sharedControl?.root.open) void this.sharedControl.refresh();
        break;
      case "shared-data-result":
        this.outbox.settle(message.id);
        this.sharedData.receive(message);
        break;
    }
  }

  private ready(config: AppConfig): void {
    // Keep the pre-rendered UI (and what was typed into it) when it is what Python made.
    if (this.config === null || JSON.stringify(config) !== JSON.stringify(this.config)) {
      this.show(config);
    }
    this.progress.root.remove();
    this.booted = true;
    this.setStatus("ready");
    this.outbox.openUp();
    this.host.dispatchEvent(new CustomEvent("lite-ready"));
    void this.mountSharedData();
  }

  /** The "Shared data" control, only for apps that share data, unless hide-shared-data. */
  private async mountSharedData(): Promise<void> {
    const { names } = await this.sharedData.info();
    if (names.length === 0) return;
    // Shared data is the user's: ask the browser not to evict it under storage pressure.
    void navigator.storage?.persist?.().catch(() => false);
    if (this.host.hasAttribute("hide-shared-data") || this.sharedControl !== null) return;
    const title = (this.config?.title ?? document.title) || "app";
    const fileName = `${title.replace(/[^\w.-]+/g, "-").toLowerCase()}-shared-data.json`;
    this.sharedControl = new SharedDataControl(this.sharedData, fileName);
    this.root.insertBefore(this.sharedControl.root, this.toasts.root);
  }

  private show(config: AppConfig): void {
    const view = renderInterface(config);
    // Values typed into a pre-rendered UI survive when the real one has the same inputs.
    const before = this.config?.inputs.map((c) => c.type).join();
    if (this.view !== null && before === config.inputs.map((c) => c.type).join()) {
      this.view.inputs.forEach((field, i) => view.inputs[i]?.set(field.get()));
    }
    this.config = config;
    this.view = view;
    view.root.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!config.live) this.submit(false);
    });
    view.clear?.addEventListener("click", () => this.clear());
    for (const field of view.inputs) {
      if (config.live) field.onChange(() => this.live.request());
      else field.onSubmit(() => this.submit(false));
    }
    view.onExample((row) => {
      row.forEach((value, i) => view.inputs[i]?.set(value));
      // In a live app a changed input means a run, examples included.
      if (config.live) this.live.request();
    });
    this.area.replaceChildren(view.root, this.progress.root);
  }

  private fail(error: ErrorInfo): void {
    if (this.booted) {
      // Booted already: a crash shows where event errors go, and is logged.
      console.error(`${error.type}: ${error.message}`);
      this.showError(error);
      return;
    }
    this.area.replaceChildren(bootErrorBox(error));
    this.setStatus("error");
    this.host.dispatchEvent(new CustomEvent("lite-error", { detail: error }));
  }

  /** Send the current input values; while another event runs this one queues behind it. */
  private submit(live: boolean): void {
    const view = this.view;
    if (view === null) return;
    for (const field of view.inputs) field.setError(null);
    view.errors.replaceChildren();
    const id = ++this.nextId;
    this.sent.set(id, { kind: "event", generation: this.generation, live });
    this.outbox.send({ type: "event", id, data: view.inputs.map((f) => f.get()) });
    this.updatePending();
  }

  private clear(): void {
    const view = this.view;
    const config = this.config;
    if (view === null || config === null) return;
    this.generation += 1;
    view.inputs.forEach((field, i) => {
      field.setError(null);
      field.set(config.inputs[i]?.value ?? null);
    });
    view.outputs.forEach((field, i) => field.set(config.outputs[i]?.value ?? null));
    view.errors.replaceChildren();
    const id = ++this.nextId;
    this.sent.set(id, { kind: "clear", generation: this.generation, live: false });
    this.outbox.send({ type: "clear", id });
    this.updatePending();
  }

  private result(result: EventResult): void {
    const sent = this.sent.get(result.id);
    this.sent.delete(result.id);
    this.outbox.settle(result.id);
    this.updatePending();
    for (const toast of result.toasts) this.toasts.show(toast);
    const view = this.view;
    if (view !== null && sent !== undefined && sent.generation === this.generation) {
      if (result.ok && result.data !== null && sent.kind === "event") {
        this.answered = true;
        result.data.forEach((value, i) => view.outputs[i]?.set(value));
      }
      for (const { index, message } of result.input_errors) view.inputs[index]?.setError(message);
      if (result.error !== null) this.showError(result.error);
    }
    if (sent?.live) this.live.done();
  }

  private showError(error: ErrorInfo): void {
    const view = this.view;
    if (view === null) return;
    const panel = errorPanel(error, () => panel.remove());
    view.errors.replaceChildren(panel);
    if (typeof error.duration === "number" && error.duration > 0) {
      setTimeout(() => panel.remove(), error.duration * 1000);
    }
  }

  /** Outputs look busy (and say aria-busy) while any event is on its way. */
  private updatePending(): void {
    const busy = [...this.sent.values()].some((s) => s.kind === "event");
    for (const field of this.view?.outputs ?? []) field.setPending(busy);
  }
}

function log(level: "info" | "warning" | "error", text: string): void {
  if (level === "error") console.error(text);
  else if (level === "warning") console.warn(text);
  else console.info(text);
}

function asError(err: unknown, type: string): ErrorInfo {
  const error = err instanceof Error ? err : new Error(String(err));
  return { kind: "exception", type, message: error.message, traceback: error.stack ?? null };
}
