// Examples beyond the table render/interface.ts draws: pages of examples_per_page
// rows, and cached outputs (cache_examples=True): computed at build time ("eager", in
// the config), or on first click ("lazy", kept in IndexedDB per app id so they
// outlive a redeploy, like flags).

import { type IDBPDatabase, openDB } from "idb";
import { h } from "./dom";
import type { AppConfig, ExamplesConfig, Json } from "./protocol";
import { sameJson } from "./values";

const DB_NAME = "lite-examples";
let database: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  database ??= openDB(DB_NAME, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore("outputs");
    },
  });
  return database;
}

function key(appId: string, row: Json[]): string {
  return `${appId}\u0000${JSON.stringify(row)}`;
}

/** Cached outputs of one example row, or null: the config's, else the lazy cache's. */
export async function cachedOutputs(appId: string, examples: ExamplesConfig, row: Json[]): Promise<Json[] | null> {
  const index = examples.rows.findIndex((r) => sameJson(r, row));
  const built = index >= 0 ? examples.outputs?.[index] : undefined;
  if (built) return built;
  if (examples.cache === null || examples.cache === undefined) return null;
  try {
    return ((await (await db()).get("outputs", key(appId, row))) as Json[] | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function storeOutputs(appId: string, row: Json[], outputs: Json[]): Promise<void> {
  try {
    await (await db()).put("outputs", outputs, key(appId, row));
  } catch (err) {
    console.warn("lite: could not cache the example's outputs", err);
  }
}

/** Keep the build's cached outputs when Python's own config (which lacks them) arrives. */
export function keepCachedOutputs(config: AppConfig, before: AppConfig | null): AppConfig {
  if (before === null) return config;
  const merge = (now: AppConfig, then: AppConfig | undefined): AppConfig => {
    const outputs = then?.examples?.outputs;
    if (!now.examples || !outputs || !sameJson(now.examples.rows, then.examples?.rows ?? null)) return now;
    return { ...now, examples: { ...now.examples, outputs } };
  };
  const merged = merge(config, before);
  if (merged.tabs) {
    merged.tabs = merged.tabs.map((tab, i) => ({ ...tab, config: merge(tab.config, before.tabs?.[i]?.config) }));
  }
  return merged;
}

/** Show `perPage` rows of the examples table at a time, with page buttons below it. */
export function paginate(root: HTMLElement, perPage: number): void {
  const section = root.querySelector<HTMLElement>(".lite-examples");
  const rows = Array.from(section?.querySelectorAll<HTMLElement>("tbody tr") ?? []);
  if (section === null || rows.length <= perPage) return;
  const pages = Math.ceil(rows.length / perPage);
  const nav = h("nav", { class: "lite-example-pages", "aria-label": "Example pages" });
  const buttons: HTMLButtonElement[] = [];
  const show = (page: number): void => {
    rows.forEach((row, i) => (row.hidden = Math.floor(i / perPage) !== page));
    buttons.forEach((b, i) => (i === page ? b.setAttribute("aria-current", "page") : b.removeAttribute("aria-current")));
  };
  for (let page = 0; page < pages; page++) {
    const button = h("button", { type: "button", class: "lite-example-page" }, String(page + 1));
    button.addEventListener("click", () => show(page));
    buttons.push(button);
    nav.append(button);
  }
  section.append(nav);
  show(0);
}
