// One running app: its worker, its message queue and the flow of events
// between the form and Python.

import { loadModules } from "./components/registry";
import { h } from "./dom";
import { packFiles, unpackFiles } from "./files";
import type { AppConfig, ErrorInfo, EventResult, PageMessage, WorkerMessage } from "./protocol";
import { BootProgress, bootErrorBox, errorPanel, Toasts } from "./render/feedback";
import { type InterfaceView, renderInterface } from "./render/interface";
import type { AppSource } from "./source";
import { Coalescer, Outbox } from "./queue";
import { clearedValue } from "./values";

/** How the app is doing, mirrored on the element as data-status for tests and styling. */
export type Status = "loading" | "ready" | "error";

interface Sent {
  kind: "event" | "clear";
  /** Clear bumps the generation; results of older events no longer overwrite the outputs. */
  generation: number;
  live: boolean;
}

/** Starts an app's worker; the single-file export (single.ts) starts it from a Blob. */
export const workerSource = {
  make: (): Worker => new Worker(new URL("worker.js", import.meta.url), { type: "module" }),
};

export class App {
  /** Hook: another tab changed the app's shared data. Replace to re-run load events etc. */
  onStateChanged: (names: string[]) => void;

  private readonly area = h("div", { class: "lite-area" });
  private readonly toasts = new Toasts();
  private readonly progress = new BootProgress();
  private readonly worker: Worker;
  private readonly outbox: Outbox;
  private readonly sent = new Map<number, Sent>();
  private readonly live = new Coalescer(() => this.submit(true));
  private view: InterfaceView | null = null;
  /** Renders in order: each waits for the component modules (lazy chunks) it needs. */
  private rendering: Promise<void> = Promise.resolve();
  /** Messages wait here while an earlier event's uploads are read. */
  private sending: Promise<void> = Promise.resolve();
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
    host.replaceChildren(h("div", { class: "lite-root" }, this.area, this.toasts.root));
    this.area.append(this.progress.root);
    this.setStatus("loading");
    this.onStateChanged = () => {
      this.toasts.notice("Shared data was updated in another tab");
      // Opt-in: show the new shared data by running the function again on the current
      // inputs, once the app has answered at least once (like a page's load events).
      if (host.hasAttribute("rerun-on-change") && this.answered) this.live.request();
    };

    this.worker = workerSource.make();
    this.worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => this.receive(event.data));
    // A worker that fails to load or crashes never answers: show it like a boot failure.
    this.worker.addEventListener("error", (event) => {
      const message = event.message || "The app's worker failed to load.";
      this.fail({ kind: "exception", type: "WorkerError", message, traceback: null });
    });
    // Uploaded files' buffers are transferred to the worker, not copied.
    this.outbox = new Outbox((message: PageMessage) =>
      this.worker.postMessage(message, message.type === "event" ? (message.buffers ?? []) : []),
    );

    source.then(
      ({ config, ...s }) => {
        this.worker.postMessage({ type: "boot", assets_url: assetsUrl, ...s } satisfies PageMessage);
        // The pre-rendered UI works at once: what is typed stays, clicks wait in the outbox.
        if (config) void this.render(config, true);
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
        void this.ready(message.config);
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
        break;
    }
  }

  private async ready(config: AppConfig): Promise<void> {
    // Keep the pre-rendered UI (and what was typed into it) when it is what Python made.
    if (!(await this.render(config, false))) return;
    this.progress.root.remove();
    this.booted = true;
    this.setStatus("ready");
    this.outbox.openUp();
    this.host.dispatchEvent(new CustomEvent("lite-ready"));
  }

  /** Show `config` once its modules are loaded (`force`: even if it is what is shown); false if loading failed. */
  private render(config: AppConfig, force: boolean): Promise<boolean> {
    const done = this.rendering.then(async () => {
      await loadModules([...config.inputs, ...config.outputs].map((c) => c.type));
      if (force || this.config === null || JSON.stringify(config) !== JSON.stringify(this.config)) {
        this.show(config);
      }
      return true;
    });
    this.rendering = done.then(
      () => undefined,
      () => undefined,
    );
    return done.catch((err: unknown) => {
      this.fail(asError(err, "LoadError"));
      return false;
    });
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
      // As in Gradio: a column with no example values leaves its input alone, and an empty
      // cell sets what Clear would.
      const rows = config.examples?.rows ?? [];
      row.forEach((value, i) => {
        if (rows.every((r) => r[i] === null)) return;
        view.inputs[i]?.set(value === null ? clearedValue(config.inputs[i]) : value);
      });
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
    const data = view.inputs.map((f) => f.get());
    // Reading uploads is async; the chain keeps messages in the order they were made.
    this.sending = this.sending
      .then(() => packFiles(data))
      .then(
        (packed) => this.outbox.send({ type: "event", id, ...packed }),
        (err: unknown) => this.result(failedResult(id, asError(err, "UploadError"))),
      );
    this.updatePending();
  }

  private clear(): void {
    const view = this.view;
    const config = this.config;
    if (view === null || config === null) return;
    this.generation += 1;
    view.inputs.forEach((field, i) => {
      field.setError(null);
      field.set(clearedValue(config.inputs[i]));
    });
    view.outputs.forEach((field, i) => field.set(clearedValue(config.outputs[i])));
    view.errors.replaceChildren();
    const id = ++this.nextId;
    this.sent.set(id, { kind: "clear", generation: this.generation, live: false });
    this.sending = this.sending.then(() => this.outbox.send({ type: "clear", id }));
    this.updatePending();
  }

  private result(result: EventResult): void {
    const sent = this.sent.get(result.id);
    this.sent.delete(result.id);
    this.updatePending();
    for (const toast of result.toasts) this.toasts.show(toast);
    const view = this.view;
    if (view !== null && sent !== undefined && sent.generation === this.generation) {
      if (result.ok && result.data !== null && sent.kind === "event") {
        this.answered = true;
        unpackFiles(result.data, result.buffers ?? []).forEach((value, i) => view.outputs[i]?.set(value));
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

function failedResult(id: number, error: ErrorInfo): EventResult {
  return { type: "result", id, ok: false, data: null, error, input_errors: [], toasts: [] };
}
