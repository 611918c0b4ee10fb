// One running app: its worker, its message queue and the flow of events
// between the form and Python.

import { endpointOf, LiteError, type PredictResult, resultError } from "./api";
import { loadModules } from "./components/registry";
import { CrossTab } from "./crosstab";
import { h } from "./dom";
import { keepCachedOutputs } from "./examples";
import { packFiles, unpackFiles } from "./files";
import { Pane, type PaneHooks } from "./pane";
import type { AppConfig, ErrorInfo, EventResult, Json, PageMessage, Stopped, WorkerMessage } from "./protocol";
import { BootProgress, bootErrorBox, errorPanel, Toasts } from "./render/feedback";
import type { InterfaceView } from "./render/interface";
import { renderTabs } from "./render/tabs";
import type { AppSource } from "./source";
import { Coalescer, Outbox } from "./queue";
import { SharedData, SharedDataControl } from "./shareddata";
import { Stopper } from "./stop";

/** How the app is doing, mirrored on the element as data-status for tests and styling. */
export type Status = "loading" | "ready" | "error";

interface Sent {
  /** "predict": a JS API call; its answer goes to `answer`, never to the form. */
  kind: "event" | "clear" | "predict";
  /** Kept (once packed) so it can be sent again to a restarted worker. */
  message: PageMessage | null;
  /** Clear bumps the generation; results of older events no longer overwrite the outputs. */
  generation: number;
  /** Which tab of a TabbedInterface (0 otherwise). */
  tab: number;
  live: boolean;
  /** Called with the outputs when the event answers (a lazily cached example). */
  onAnswer?: ((data: Json[]) => void) | undefined;
  answer?: { resolve: (result: PredictResult) => void; reject: (error: LiteError) => void };
}

/** Starts an app's worker; the single-file export (single.ts) starts it from a Blob. */
export const workerSource = {
  make: (): Worker => new Worker(new URL("worker.js", import.meta.url), { type: "module" }),
};

export class App {
  /** Hook: another tab changed the app's shared data. Replace to re-run load events etc. */
  onStateChanged: (names: string[]) => void;
  /** Export, import and reset of the app's shared data (the element's `sharedData`). */
  readonly sharedData = new SharedData(
    (message) => this.outbox.send(message),
    () => ++this.nextId,
  );
  private sharedControl: SharedDataControl | null = null;
  /** Resolves with the config once Python is ready; rejects with the boot error. */
  readonly whenReady: Promise<AppConfig>;
  private settleReady!: { resolve: (config: AppConfig) => void; reject: (error: LiteError) => void };

  private readonly area = h("div", { class: "lite-area" });
  private readonly root: HTMLElement;
  private readonly toasts = new Toasts();
  private readonly progress = new BootProgress();
  private worker!: Worker;
  private outbox!: Outbox;
  private boot: PageMessage | null = null;
  /** A fresh worker is booting to replace one that had to be ended (Stop). */
  private restarting = false;
  private readonly stopper = new Stopper();
  private readonly crossTab = new CrossTab({
    running: () => this.running(),
    stop: (id) => this.stop(id),
  });
  /** One per tab of a TabbedInterface; one otherwise. `view` and `config` are tab 0's. */
  private panes: Pane[] = [];
  private readonly sent = new Map<number, Sent>();
  /** Tab 0's live coalescing (the re-run on another tab's change uses it too). */
  private readonly live = new Coalescer(() => this.submit(true));
  private view: InterfaceView | null = null;
  /** Renders in order: each waits for the component modules (lazy chunks) it needs. */
  private rendering: Promise<void> = Promise.resolve();
  /** Messages wait here while an earlier event's uploads are read. */
  private sending: Promise<void> = Promise.resolve();
  private config: AppConfig | null = null;
  private nextId = 0;
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
    this.whenReady = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    this.whenReady.catch(() => undefined); // a page that never awaits it logs no unhandled rejection
    this.onStateChanged = () => {
      this.toasts.notice("Shared data was updated in another tab");
      // Opt-in: show the new shared data by running the function again on the current
      // inputs, once the app has answered at least once (like a page's load events).
      if (host.hasAttribute("rerun-on-change") && this.answered) this.live.request();
    };

    this.startWorker();

    source.then(
      ({ config, ...s }) => {
        this.boot = {
          type: "boot",
          assets_url: assetsUrl,
          ...s,
          page_url: location.href,
          ...(this.stopper.buffer ? { interrupt_buffer: this.stopper.buffer } : {}),
        } satisfies PageMessage;
        this.worker.postMessage(this.boot);
        // The pre-rendered UI works at once: what is typed stays, clicks wait in the outbox.
        if (config) void this.render(config, true);
      },
      (err: unknown) => this.fail(asError(err, "BootError")),
    );
  }

  private startWorker(): void {
    const worker = workerSource.make();
    this.worker = worker;
    worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
      if (worker === this.worker) this.receive(event.data);
    });
    // A worker that fails to load or crashes never answers: show it like a boot failure.
    worker.addEventListener("error", (event) => {
      if (worker !== this.worker) return;
      const message = event.message || "The app's worker failed to load.";
      this.fail({ kind: "exception", type: "WorkerError", message, traceback: null });
    });
    // Uploaded files' buffers are transferred to the worker, not copied. (A message sent
    // again to a restarted worker has no buffers left: its uploads are in the old one.)
    this.outbox = new Outbox((message: PageMessage) =>
      worker.postMessage(message, message.type === "event" ? (message.buffers ?? []) : []),
    );
  }

  /** The event the worker runs now: the oldest one sent (the worker keeps their order). */
  private running(tab: number | null = null): number | null {
    for (const [id, sent] of this.sent) {
      if (sent.kind === "event") return tab === null || sent.tab === tab ? id : null;
    }
    return null;
  }

  /** Stop the event `id` (the Stop button, or another tab that waits for this one). */
  stop(id: number | null = this.running()): void {
    if (id === null || !this.sent.has(id)) return;
    this.stopper.stop(
      id,
      () => this.worker.postMessage({ type: "stop", id } satisfies PageMessage),
      () => this.restart(id),
    );
  }

  /**
   * End the worker, which is stuck in Python, and boot a fresh one (from the site's
   * memory snapshot when there is one). The event ends as stopped; the events queued
   * behind it go to the new worker. Ending the worker also releases its Web Locks.
   */
  private restart(id: number): void {
    if (this.boot === null) return;
    this.worker.terminate();
    this.stopper.reset();
    this.restarting = true;
    this.crossTab.reset();
    this.startWorker();
    this.worker.postMessage(this.boot);
    this.stopped({ type: "stopped", id, reset: true });
    for (const sent of this.sent.values()) if (sent.message !== null) this.outbox.send(sent.message);
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
      case "event-progress":
        if (message.id === this.running()) this.paneOf(message.id)?.progress.update(message.levels);
        break;
      case "partial":
        this.partial(message.id, unpackFiles(message.data, message.buffers ?? []));
        break;
      case "stopped":
        this.stopped(message);
        break;
      case "lock":
        this.crossTab.lock(message.state, message.namespace);
        break;
      case "state-changed":
        this.emit("lite-state-changed", { names: message.names });
        this.onStateChanged(message.names);
        if (this.sharedControl?.root.open) void this.sharedControl.refresh();
        break;
      case "shared-data-result":
        this.sharedData.receive(message);
        break;
    }
  }

  private async ready(fromPython: AppConfig): Promise<void> {
    const config = keepCachedOutputs(fromPython, this.config);
    // Keep the pre-rendered UI (and what was typed into it) when it is what Python made.
    if (!(await this.render(config, false))) return;
    this.progress.root.remove();
    this.booted = true;
    this.setStatus("ready");
    this.outbox.openUp();
    if (this.restarting) {
      this.restarting = false;
      return;
    }
    this.settleReady.resolve(config);
    this.emit("lite-ready", { config });
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

  /** Show `config` once its modules are loaded (`force`: even if it is what is shown); false if loading failed. */
  private render(config: AppConfig, force: boolean): Promise<boolean> {
    const done = this.rendering.then(async () => {
      const all = (config.tabs ?? [{ config }]).flatMap((t) => [...t.config.inputs, ...t.config.outputs]);
      await loadModules(all.map((c) => c.type));
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
    const tabs = config.tabs ?? [{ name: "", config }];
    const hooks: PaneHooks = {
      submit: (live, tab, onAnswer) => this.submit(live, tab, onAnswer),
      clear: (tab) => this.clear(tab),
      stop: (tab) => this.stop(this.running(tab)),
      appId: (tab) => (this.boot?.type === "boot" ? this.appId(tab) : null),
    };
    const panes = tabs.map((tab, i) => {
      const live = i === 0 ? this.live : new Coalescer(() => this.submit(true, i));
      return new Pane(tab.config, i, live, hooks);
    });
    const first = panes[0];
    if (first === undefined) return;
    // Values typed into a pre-rendered UI survive when the real one has the same inputs.
    const before = this.config?.inputs.map((c) => c.type).join();
    if (this.view !== null && before === first.config.inputs.map((c) => c.type).join()) {
      this.view.inputs.forEach((field, i) => first.view.inputs[i]?.set(field.get()));
    }
    this.config = config;
    this.view = first.view;
    this.panes = panes;
    const root = config.tabs
      ? renderTabs(config.title, tabs.map((t) => t.name), panes.map((p) => p.view.root))
      : first.view.root;
    root.prepend(this.crossTab.root);
    if (config.css) root.prepend(h("style", {}, config.css));
    if (config.theme) root.dataset["theme"] = config.theme;
    this.area.replaceChildren(root, this.progress.root);
  }

  private appId(tab: number): string {
    const appId = this.boot?.type === "boot" ? this.boot.app_id : "";
    return tab === 0 ? appId : `${appId}#tab${tab}`;
  }

  private paneOf(id: number): Pane | undefined {
    const sent = this.sent.get(id);
    return sent === undefined ? undefined : this.panes[sent.tab];
  }

  private partial(id: number, data: EventResult["data"]): void {
    const sent = this.sent.get(id);
    const pane = this.paneOf(id);
    if (pane === undefined || data === null || sent === undefined || sent.generation !== pane.generation) return;
    if (sent.kind === "predict") return; // a JS API call: only its last values count
    pane.show(data);
  }

  private stopped(message: Stopped): void {
    const sent = this.sent.get(message.id);
    this.sent.delete(message.id);
    this.stopper.ended(message.id);
    if (sent !== undefined) this.panes[sent.tab]?.progress.hide();
    this.updatePending();
    sent?.answer?.reject(new LiteError({ kind: "error", type: "Stopped", message: "The event was stopped.", traceback: null }));
    if (message.reset) {
      this.toasts.show({
        level: "warning",
        title: "Stopped",
        message:
          "Python had to be restarted to stop the event, so this tab's session state was reset. " +
          "(A cross-origin isolated page can stop it without a restart.)",
        duration: 10,
      });
    } else {
      this.toasts.notice("Stopped");
    }
    if (sent?.live) this.panes[sent.tab]?.live.done();
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
    const failure = new LiteError(error);
    this.settleReady.reject(failure);
    for (const [id, sent] of this.sent) {
      this.sent.delete(id);
      sent.answer?.reject(failure);
    }
    this.emit("lite-error", { ...error, phase: "boot" });
  }

  /** The JS API's call: run the function on `data` (config order) without touching the form. */
  predict(data: Json[]): Promise<PredictResult> {
    return new Promise((resolve, reject) => {
      const id = ++this.nextId;
      const generation = this.panes[0]?.generation ?? 0;
      const sent: Sent = { kind: "predict", message: null, generation, tab: 0, live: false, answer: { resolve, reject } };
      this.sent.set(id, sent);
      this.sending = this.sending
        .then(() => packFiles(data))
        .then(
          (packed) => {
            const message: PageMessage = { type: "event", id, ...packed };
            sent.message = message;
            this.outbox.send(message);
          },
          (err: unknown) => this.result(failedResult(id, asError(err, "UploadError"))),
        );
    });
  }

  /** The config the page shows (pre-rendered or Python's), or null before there is one. */
  get currentConfig(): AppConfig | null {
    return this.config;
  }

  /** Testing hook: form events (submits, live runs, clears) whose answer has not arrived. */
  get pendingFormEvents(): number {
    return [...this.sent.values()].filter((s) => s.kind !== "predict").length;
  }

  /** Testing hook: set input `index` (page form) through its widget, as an example row does. */
  setInput(index: number, value: Json): void {
    this.view?.inputs[index]?.set(value);
    if (this.config?.live) this.live.request();
  }

  /** Testing hook: the values the output components show, page form, in config order. */
  shownOutputs(): Json[] {
    return this.view?.outputs.map((field) => field.get()) ?? [];
  }

  private emit(type: string, detail: unknown): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** Send the current input values; while another event runs this one queues behind it. */
  private submit(live: boolean, tab = 0, onAnswer?: (data: Json[]) => void): void {
    const pane = this.panes[tab];
    if (pane === undefined) return;
    const view = pane.view;
    for (const field of view.inputs) field.setError(null);
    view.errors.replaceChildren();
    const id = ++this.nextId;
    const sent: Sent = { kind: "event", message: null, generation: pane.generation, tab, live, onAnswer };
    this.sent.set(id, sent);
    const data = view.inputs.map((f) => f.get());
    // Reading uploads is async; the chain keeps messages in the order they were made.
    this.sending = this.sending
      .then(() => packFiles(data))
      .then(
        (packed) => {
          const message: PageMessage = { type: "event", id, ...packed, ...(tab === 0 ? {} : { tab }) };
          sent.message = message;
          this.outbox.send(message);
        },
        (err: unknown) => this.result(failedResult(id, asError(err, "UploadError"))),
      );
    this.updatePending();
  }

  private clear(tab = 0): void {
    const pane = this.panes[tab];
    if (pane === undefined) return;
    pane.clear();
    const id = ++this.nextId;
    const message: PageMessage = { type: "clear", id, ...(tab === 0 ? {} : { tab }) };
    this.sent.set(id, { kind: "clear", message, generation: pane.generation, tab, live: false });
    this.sending = this.sending.then(() => this.outbox.send(message));
    this.updatePending();
  }

  private result(result: EventResult): void {
    const sent = this.sent.get(result.id);
    this.sent.delete(result.id);
    this.stopper.ended(result.id);
    this.updatePending();
    const endpoint = this.config === null ? "" : endpointOf(this.config);
    const source = sent?.kind === "predict" ? "predict" : "form";
    let data: Json[] | null = null;
    if (sent?.kind === "clear") {
      // Clear answers with no data; it is not a result of the function.
    } else if (result.ok && result.data !== null) {
      data = unpackFiles(result.data, result.buffers ?? []);
      this.emit("lite-result", { data, endpoint, source });
      sent?.answer?.resolve({ data, endpoint });
    } else if (!result.ok) {
      const failure = resultError(this.config, result.error, result.input_errors);
      const { kind, name: type, message, traceback, inputErrors: input_errors } = failure;
      this.emit("lite-error", { kind, type, message, traceback, input_errors, phase: "event", source });
      sent?.answer?.reject(failure);
    }
    if (sent?.kind === "predict") return;
    for (const toast of result.toasts) this.toasts.show(toast);
    const pane = sent === undefined ? undefined : this.panes[sent.tab];
    pane?.progress.hide();
    if (pane !== undefined && sent !== undefined && sent.generation === pane.generation) {
      const view = pane.view;
      if (data !== null && sent.kind === "event") {
        this.answered = true;
        pane.answered(data);
        sent.onAnswer?.(data);
      }
      for (const { index, message } of result.input_errors) view.inputs[index]?.setError(message);
      if (result.error !== null) this.showError(result.error, view);
    }
    if (sent?.live) this.panes[sent.tab]?.live.done();
  }

  private showError(error: ErrorInfo, view: InterfaceView | null = this.view): void {
    if (view === null) return;
    const panel = errorPanel(error, () => panel.remove());
    view.errors.replaceChildren(panel);
    if (typeof error.duration === "number" && error.duration > 0) {
      setTimeout(() => panel.remove(), error.duration * 1000);
    }
  }

  /** Outputs look busy (and say aria-busy) while any event of their tab is on its way. */
  private updatePending(): void {
    for (const pane of this.panes) {
      pane.setBusy([...this.sent.values()].some((s) => s.kind === "event" && s.tab === pane.tab));
    }
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
