// The user's hold on the app's shared data, which lives in their browser: the element's
// `sharedData` API (info, export, import, reset) and the small "Shared data" control on
// the page. Python does the work (lite/state/transfer.py): a file is decoded and checked
// there, never executed, and written in one transaction that every tab hears about.

import { h } from "./dom";
import type { SharedDataRequest, SharedDataResult, SharedName } from "./protocol";

export interface SharedDataInfo {
  /** The shared names, as the app's code writes them, and the characters each takes. */
  names: SharedName[];
  /** This site's storage use and quota in bytes (navigator.storage.estimate), if known. */
  usage: number | null;
  quota: number | null;
}

type Action = SharedDataRequest["action"];

interface Waiting {
  resolve: (result: SharedDataResult) => void;
  reject: (error: Error) => void;
}

/** The element's `sharedData`: each method asks the app's worker and resolves with its answer. */
export class SharedData {
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly send: (message: SharedDataRequest) => void,
    private readonly newId: () => number,
  ) {}

  /** Names and sizes of the shared data, and the site's storage use. */
  async info(): Promise<SharedDataInfo> {
    const [result, estimate] = await Promise.all([this.ask("info"), storageEstimate()]);
    return { names: result.names, ...estimate };
  }

  /** The export file's text (JSON: the app's id and version, and the tagged values). */
  async export(): Promise<string> {
    return (await this.ask("export")).data ?? "";
  }

  /**
   * Replace the shared data with an exported file's (a File, its text, or its parsed
   * object), for every tab. Resolves with warnings; rejects, changing nothing, for a
   * file of another app or a corrupt one.
   */
  async import(file: Blob | string | object): Promise<string[]> {
    const text =
      file instanceof Blob ? await file.text() : typeof file === "string" ? file : JSON.stringify(file);
    return (await this.ask("import", text)).warnings;
  }

  /** Every shared name back to the app's initial value, for every tab. */
  async reset(): Promise<void> {
    await this.ask("reset");
  }

  /** An answer from the worker; false if it wasn't for one of these requests. */
  receive(result: SharedDataResult): boolean {
    const waiting = this.waiting.get(result.id);
    if (waiting === undefined) return false;
    this.waiting.delete(result.id);
    if (result.ok) waiting.resolve(result);
    else waiting.reject(new Error(result.message ?? "The shared data could not be changed."));
    return true;
  }

  private ask(action: Action, data: string | null = null): Promise<SharedDataResult> {
    const id = this.newId();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send({ type: "shared-data", id, action, data });
    });
  }
}

async function storageEstimate(): Promise<{ usage: number | null; quota: number | null }> {
  try {
    const { usage, quota } = await navigator.storage.estimate();
    return { usage: usage ?? null, quota: quota ?? null };
  } catch {
    return { usage: null, quota: null }; // no StorageManager (e.g. an insecure context)
  }
}

/** The page's "Shared data" control: a closed <details> until the user opens it. */
export class SharedDataControl {
  readonly root: HTMLDetailsElement;
  private readonly list = h("ul", { class: "lite-shared-names" });
  private readonly usage = h("p", { class: "lite-shared-usage" });
  private readonly status = h("p", { class: "lite-shared-status", role: "status" });
  private readonly picker = h("input", { type: "file", accept: ".json,application/json", hidden: true });
  private readonly resetButton = button("Reset", () => this.askReset());
  private confirmTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly data: SharedData,
    private readonly fileName: string,
  ) {
    this.picker.addEventListener("change", () => void this.importPicked());
    this.root = h(
      "details",
      { class: "lite-shared" },
      h("summary", {}, "Shared data"),
      h("p", { class: "lite-shared-about" }, "Data this app shares between its tabs, kept in this browser."),
      this.list,
      this.usage,
      h(
        "div",
        { class: "lite-shared-actions" },
        button("Export", () => void this.exportFile()),
        button("Import…", () => this.picker.click()),
        this.resetButton,
        this.picker,
      ),
      this.status,
    );
    this.root.addEventListener("toggle", () => {
      if (this.root.open) void this.refresh();
    });
  }

  /** Show the current names, sizes and storage use. */
  async refresh(): Promise<void> {
    const info = await this.data.info();
    this.list.replaceChildren(
      ...info.names.map(({ name, size }) =>
        h("li", {}, h("code", {}, name), " ", h("span", { class: "lite-shared-size" }, formatBytes(size))),
      ),
    );
    this.usage.textContent =
      info.usage === null
        ? ""
        : `Storage used by this site: ${formatBytes(info.usage)}` +
          (info.quota === null ? "" : ` of ${formatBytes(info.quota)}`);
  }

  private async exportFile(): Promise<void> {
    await this.attempt(async () => {
      const text = await this.data.export();
      const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      const link = h("a", { href: url, download: this.fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000); // after the download starts
      return "Exported.";
    });
  }

  private async importPicked(): Promise<void> {
    const file = this.picker.files?.[0];
    this.picker.value = ""; // picking the same file again still fires "change"
    if (file === undefined) return;
    await this.attempt(async () => {
      const warnings = await this.data.import(file);
      return ["Imported.", ...warnings].join(" ");
    });
  }

  /** Two clicks: the first asks, the second (within 5 s) resets. */
  private askReset(): void {
    if (this.confirmTimer === null) {
      this.resetButton.textContent = "Confirm reset";
      this.status.textContent = "Reset all shared data to the app's initial values, in every tab?";
      this.confirmTimer = setTimeout(() => this.endConfirm(), 5_000);
      return;
    }
    this.endConfirm();
    void this.attempt(async () => {
      await this.data.reset();
      return "Reset to the initial values.";
    });
  }

  private endConfirm(): void {
    if (this.confirmTimer !== null) clearTimeout(this.confirmTimer);
    this.confirmTimer = null;
    this.resetButton.textContent = "Reset";
  }

  private async attempt(action: () => Promise<string>): Promise<void> {
    this.status.classList.remove("lite-shared-error");
    try {
      this.status.textContent = await action();
    } catch (err) {
      this.status.classList.add("lite-shared-error");
      this.status.textContent = err instanceof Error ? err.message : String(err);
    }
    await this.refresh().catch(() => undefined);
  }
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = h("button", { type: "button", class: "lite-btn lite-btn-secondary" }, text);
  b.addEventListener("click", onClick);
  return b;
}

export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = n;
  let unit = "B";
  for (const next of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}
