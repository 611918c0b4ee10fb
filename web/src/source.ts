// Where an app's files come from: an app.json manifest written by `lite build`,
// or Gradio-Lite-style inline content inside the <gradio-lite> element.

import type { AppConfig, AppFile } from "./protocol";
import { dedent, parseRequirements } from "./values";

/** Everything the BootRequest needs except assets_url. */
export interface AppSource {
  files: AppFile[];
  entry: string;
  requirements: string[];
  state_key: string | null;
  /** Which app of which page this is; the element fills it in. */
  app_id: string;
  /** The UI as `lite build` pre-rendered it, shown while Python starts. */
  config?: AppConfig | null;
  /** The app's shared-data namespace, hashed by `lite build`. */
  state_namespace?: string | null;
}

/**
 * Read a parsed app.json. File names are relative to the manifest's app/ folder;
 * urls are made absolute here because the worker resolves against its own URL.
 */
export function fromManifest(manifest: unknown, manifestUrl: string): AppSource {
  if (manifest === null || typeof manifest !== "object") {
    throw new Error("app.json must be a JSON object");
  }
  const m = manifest as Record<string, unknown>;
  const entry = m["entry"];
  if (typeof entry !== "string" || entry === "") {
    throw new Error('app.json needs an "entry" file name');
  }
  const names = Array.isArray(m["files"]) ? m["files"].filter(isString) : [];
  if (!names.includes(entry)) names.unshift(entry);
  const requirements = Array.isArray(m["requirements"]) ? m["requirements"].filter(isString) : [];
  const state_key = typeof m["state_key"] === "string" ? m["state_key"] : null;
  const lazy = new Set(Array.isArray(m["lazy_files"]) ? m["lazy_files"].filter(isString) : []);
  const files: AppFile[] = names.map((name) => ({
    name,
    url: appFileUrl(manifestUrl, name),
    ...(lazy.has(name) && name !== entry ? { lazy: true } : {}),
  }));
  // Written by `lite build` from the app's own config; the worker's Ready replaces it.
  const config = typeof m["config"] === "object" ? (m["config"] as AppConfig | null) : null;
  const app_id = new URL(manifestUrl).pathname;
  const namespace = m["state_namespace"];
  const state_namespace = typeof namespace === "string" ? namespace : null;
  return { files, entry, requirements, state_key, app_id, config, state_namespace };
}

/** Where a built site serves one of its app's files (app.json's `files` names them). */
export function appFileUrl(manifestUrl: string, name: string): string {
  return new URL(`app/${name}`, manifestUrl).href;
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

/**
 * Read inline content: the element's own text is the entry app.py, each
 * <gradio-file name= [entrypoint] [url=]> adds a file, <gradio-requirements>
 * lists requirements one per line.
 */
export function fromElement(element: Element, baseUrl: string): AppSource {
  const files: AppFile[] = [];
  const requirements: string[] = [];
  let entry: string | null = null;
  let ownText = "";
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === node.TEXT_NODE) {
      ownText += node.textContent ?? "";
      continue;
    }
    if (!(node instanceof Element)) continue;
    const tag = node.localName;
    if (tag === "gradio-requirements") {
      requirements.push(...parseRequirements(node.textContent ?? ""));
    } else if (tag === "gradio-file") {
      const name = node.getAttribute("name");
      if (!name) continue;
      const url = node.getAttribute("url");
      files.push(
        url ? { name, url: new URL(url, baseUrl).href } : { name, content: dedent(node.textContent ?? "") },
      );
      if (node.hasAttribute("entrypoint") && entry === null) entry = name;
    }
  }
  const code = dedent(ownText);
  if (code.trim() !== "" && entry === null) {
    // Bare inline code is the entry, as in Gradio Lite; a <gradio-file entrypoint> wins.
    entry = "app.py";
    files.unshift({ name: entry, content: code });
  }
  entry ??= files[0]?.name ?? null;
  if (entry === null) throw new Error("<gradio-lite> has no code: put app.py inside it or use manifest=");
  return { files, entry, requirements, state_key: null, app_id: "" };
}
