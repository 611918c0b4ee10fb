// Flagging in the page: the Flag button(s) under the outputs store the inputs and
// outputs in IndexedDB, per app id (entry + page path, so flags outlive a redeploy), and
// "Download flagged data" gives them back as Gradio's dataset1.csv.

import { type IDBPDatabase, openDB } from "idb";
import { flagText, pyTimestamp, toCsv } from "./csv";
import { h } from "./dom";
import type { AppConfig, Json } from "./protocol";

const DB_NAME = "lite-flags";

interface FlagRow {
  appId: string;
  headers: string[];
  values: string[];
  at: number;
}

let database: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  database ??= openDB(DB_NAME, 1, {
    upgrade(upgrading) {
      const rows = upgrading.createObjectStore("rows", { autoIncrement: true });
      rows.createIndex("appId", "appId");
    },
  });
  return database;
}

/** The CSV of an app's flags: its latest headers (as Gradio's newest dataset file) and their rows. */
export async function flaggedCsv(appId: string): Promise<{ csv: string; count: number }> {
  const rows = (await (await db()).getAllFromIndex("rows", "appId", appId)) as FlagRow[];
  const last = rows[rows.length - 1];
  if (last === undefined) return { csv: "", count: 0 };
  const same = rows.filter((row) => row.headers.join("\u0000") === last.headers.join("\u0000"));
  return { csv: toCsv([last.headers, ...same.map((row) => row.values)]), count: same.length };
}

export class Flagging {
  readonly root: HTMLElement;
  private readonly download: HTMLButtonElement;

  constructor(
    private readonly appId: string,
    private readonly config: AppConfig,
    private readonly values: () => { inputs: Json[]; outputs: Json[] },
  ) {
    const buttons =
      config.flagging_mode === "manual"
        ? config.flagging_options.map(([label, value]) => {
            const button = h("button", { type: "button", class: "lite-btn lite-btn-secondary" }, label);
            button.addEventListener("click", () => void this.flag(value));
            return button;
          })
        : [];
    this.download = h("button", { type: "button", class: "lite-btn lite-btn-link", hidden: true });
    this.download.addEventListener("click", () => void this.save());
    this.root = h("div", { class: "lite-flagging" }, ...buttons, this.download);
    void this.refresh();
  }

  /** flagging_mode="auto": every answered event is flagged. */
  answered(): void {
    if (this.config.flagging_mode === "auto") void this.flag(null);
  }

  async flag(option: string | null): Promise<void> {
    const { inputs, outputs } = this.values();
    const labels = [...this.config.inputs, ...this.config.outputs].map(
      (c, i) => c.label || `component ${i}`,
    );
    const headers = [...labels, ...(option === null ? [] : ["flag"]), "timestamp"];
    const values = [
      ...[...inputs, ...outputs].map((v) => (v === null ? "" : flagText(v))),
      ...(option === null ? [] : [option]),
      pyTimestamp(new Date()),
    ];
    try {
      await (await db()).add("rows", { appId: this.appId, headers, values, at: Date.now() } satisfies FlagRow);
    } catch (err) {
      console.error("lite: could not store the flagged row", err);
      return;
    }
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      const { count } = await flaggedCsv(this.appId);
      this.download.textContent = `Download flagged data (${count})`;
      this.download.hidden = count === 0;
    } catch {
      this.download.hidden = true; // no IndexedDB (private mode): nothing to download
    }
  }

  private async save(): Promise<void> {
    const { csv } = await flaggedCsv(this.appId);
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
    const link = h("a", { href: url, download: "dataset1.csv" });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
