// One Interface on the page (a TabbedInterface has one per tab): its form and outputs,
// wired to the app's events, with the Stop button, the progress bar, flagging and
// cached examples.

import { h } from "./dom";
import { cachedOutputs, paginate, storeOutputs } from "./examples";
import { Flagging } from "./flagging";
import type { AppConfig, ExamplesConfig, Json } from "./protocol";
import { Coalescer } from "./queue";
import { type InterfaceView, renderInterface } from "./render/interface";
import { EventProgress } from "./render/progress";
import { clearedValue } from "./values";

/** What a pane asks of its app. */
export interface PaneHooks {
  submit(live: boolean, tab: number, onAnswer?: (data: Json[]) => void): void;
  clear(tab: number): void;
  stop(tab: number): void;
  /** Where this tab's flags and lazily cached examples are kept; null before the boot. */
  appId(tab: number): string | null;
}

export class Pane {
  readonly view: InterfaceView;
  readonly progress: EventProgress;
  readonly stop: HTMLButtonElement | null = null;
  readonly flagging: Flagging | null = null;
  /** Bumped by this tab's Clear; older results no longer overwrite its outputs. */
  generation = 0;
  /** What the outputs show now, page form (for flagging). */
  shown: Json[];

  constructor(
    readonly config: AppConfig,
    readonly tab: number,
    /** Live mode's run coalescing for this tab. */
    readonly live: Coalescer,
    private readonly hooks: PaneHooks,
  ) {
    const view = renderInterface(config);
    this.view = view;
    this.shown = config.outputs.map((c) => c.value);
    view.root.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!config.live) hooks.submit(false, tab);
    });
    view.clear?.addEventListener("click", () => hooks.clear(tab));
    for (const field of view.inputs) {
      if (config.live) field.onChange(() => live.request());
      else field.onSubmit(() => hooks.submit(false, tab));
    }
    view.onExample((row) => {
      // As in Gradio: a column with no example values leaves its input alone, and an empty
      // cell sets what Clear would.
      const rows = config.examples?.rows ?? [];
      row.forEach((value, i) => {
        if (rows.every((r) => r[i] === null)) return;
        view.inputs[i]?.set(value === null ? clearedValue(config.inputs[i]) : value);
      });
      if (config.examples?.cache) {
        void this.cachedExample(config.examples, row);
        return;
      }
      // In a live app a changed input means a run, examples included.
      if (config.live) live.request();
    });
    if (config.examples) paginate(view.root, config.examples.per_page ?? 10);
    this.progress = new EventProgress(config.show_progress ?? "full");
    view.errors.parentElement?.prepend(this.progress.root);
    const stopLabel = config.stop_btn === undefined ? "Stop" : config.stop_btn;
    const buttons = view.root.querySelector(".lite-buttons");
    if (stopLabel !== null && buttons) {
      this.stop = h("button", { type: "button", class: "lite-btn lite-btn-stop", hidden: true }, stopLabel);
      this.stop.addEventListener("click", () => hooks.stop(tab));
      buttons.append(this.stop);
    }
    const appId = hooks.appId(tab);
    if (config.flagging_mode !== "never" && appId !== null) {
      this.flagging = new Flagging(appId, config, () => ({
        inputs: view.inputs.map((f) => f.get()),
        outputs: this.shown,
      }));
      view.errors.parentElement?.append(this.flagging.root);
    }
  }

  /** Show outputs (an answer, a streamed value, a cached example). */
  show(data: Json[]): void {
    data.forEach((value, i) => this.view.outputs[i]?.set(value));
    this.shown = data;
  }

  /** The event answered: flagging_mode="auto" flags it. */
  answered(data: Json[]): void {
    this.show(data);
    this.flagging?.answered();
  }

  clear(): void {
    this.generation += 1;
    const { view, config } = this;
    view.inputs.forEach((field, i) => {
      field.setError(null);
      field.set(clearedValue(config.inputs[i]));
    });
    this.show(config.outputs.map((c) => clearedValue(c)));
    view.errors.replaceChildren();
  }

  setBusy(busy: boolean): void {
    for (const field of this.view.outputs) field.setPending(busy);
    if (this.stop !== null) this.stop.hidden = !busy;
    if (!busy) this.progress.hide();
  }

  /** A cached example shows its outputs with no Python call; a lazy one runs once first. */
  private async cachedExample(examples: ExamplesConfig, row: Json[]): Promise<void> {
    const appId = this.hooks.appId(this.tab) ?? "";
    const outputs = await cachedOutputs(appId, examples, row);
    if (outputs !== null) {
      this.show(outputs);
      return;
    }
    this.hooks.submit(false, this.tab, (data) => void storeOutputs(appId, row, data));
  }
}
