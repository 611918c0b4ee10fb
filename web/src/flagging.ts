// Flagging in the page: the Flag button(s) under the outputs store the inputs and
// outputs in IndexedDB, per app id (entry + page path, so flags outlive a redeploy), and
// "Download flagged data" gives them back as Gradio's dataset1.csv; when rows hold
// files, as a zip of the CSV and the files, which the CSV names by their path in it.

import { zipSync } from "fflate";
import { type IDBPDatabase, openDB } from "idb";
import { flagText, pyTimestamp, toCsv } from "./csv";
import { h } from "./dom";
import { filesIn, isFileData, mapFiles } from "./files";
import type { AppConfig, Json } from "./protocol";

const DB_NAME = "lite-flags";

interface FlagRow {
  appId: string;
  headers: string[];
  values: string[];
  at: number;
  /** Files of the row, by their path in the download ("Label/3/name.png"). */
  files?: Record<string, ArrayBuffer>;
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

/** An app's flags: its latest headers (as Gradio's newest dataset file), their rows as
 * CSV, and the rows' files. */
export async function flagged(
  appId: string,
): Promise<{ csv: string; count: number; files: Record<string, Uint8Array> }> {
  const rows = (await (await db()).getAllFromIndex("rows", "appId", appId)) as FlagRow[];
  const last = rows[rows.length - 1];
  if (last === undefined) return { csv: "", count: 0, files: {} };
  const same = rows.filter((row) => row.headers.join("\u0000") === last.headers.join("\u0000"));
  const files: Record<string, Uint8Array> = {};
  for (const row of same) {
    for (const [path, bytes] of Object.entries(row.files ?? {})) files[path] = new Uint8Array(bytes);
  }
  return { csv: toCsv([last.headers, ...same.map((row) => row.values)]), count: same.length, files };
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
    const at = Date.now();
    const files: Record<string, ArrayBuffer> = {};
    const cells: string[] = [];
    for (const [i, value] of [...inputs, ...outputs].entries()) {
      cells.push(value === null ? "" : await this.cell(value, `${labels[i] ?? i}/${at}`, files));
    }
    const values = [...cells, ...(option === null ? [] : [option]), pyTimestamp(new Date(at))];
    try {
      await (await db()).add("rows", { appId: this.appId, headers, values, at, files } satisfies FlagRow);
    } catch (err) {
      console.error("lite: could not store the flagged row", err);
      return;
    }
    await this.refresh();
  }

  /** A value's CSV cell; a file is kept with the row and named by its path in the zip
   * (as Gradio names the copy it makes in its flagging folder). */
  private async cell(value: Json, folder: string, files: Record<string, ArrayBuffer>): Promise<string> {
    if (filesIn(value).length === 0) return flagText(value);
    const paths: string[] = [];
    const named = mapFiles(value, (file) => {
      const path = `${folder}/${file.orig_name ?? "file"}`;
      paths.push(path);
      return { ...file, path };
    });
    for (const [i, file] of filesIn(value).entries()) {
      const path = paths[i];
      if (file.url === null || path === undefined) continue;
      try {
        files[path] = await (await fetch(file.url)).arrayBuffer();
      } catch (err) {
        console.warn(`lite: could not keep ${path} with the flagged row`, err);
      }
    }
    // A file: its path, as Gradio writes it; files inside a value (a gallery): the JSON.
    return isFileData(value) ? (paths[0] ?? "") : flagText(named);
  }

  private async refresh(): Promise<void> {
    try {
      const { count } = await flagged(this.appId);
      this.download.textContent = `Download flagged data (${count})`;
      this.download.hidden = count === 0;
    } catch {
      this.download.hidden = true; // no IndexedDB (private mode): nothing to download
    }
  }

  private async save(): Promise<void> {
    const { csv, files } = await flagged(this.appId);
    const zipped = Object.keys(files).length > 0;
    const blob = zipped
      ? new Blob([zipSync({ "dataset1.csv": new TextEncoder().encode(csv), ...files }) as BlobPart])
      : new Blob([csv], { type: "text/csv" });
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: zipped ? "flagged.zip" : "dataset1.csv" });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
