// What Image, Audio and Video share: a file picker you can also drop (or paste) a file
// on, with a preview of what was picked, and an output that shows a file with a
// download link. Picked files stay in the page until an event sends their bytes.

import { h } from "../dom";
import { isFileData, pickedFile, releasePicked } from "../files";
import type { FileData, Json } from "../protocol";
import type { Block } from "../render/block";
import { appFileUrl } from "../source";
import type { Config, Widget } from "./types";
import { outputWidget } from "./widgets";

/** Draws a file (its URL may be null: a shipped file we cannot locate shows its name). */
export type Show = (file: FileData, url: string | null) => Node;

export interface MediaInput {
  /** The picker's `accept`, e.g. "image/*". */
  accept: string;
  /** What the empty drop zone says. */
  hint: string;
  /** Take an image pasted while the component has focus. */
  paste: boolean;
  show: Show;
}

/**
 * Where the page can fetch `file` from: its URL, or for a file shipped next to app.py
 * (an example: a relative path and no URL) the built site's copy of it.
 */
export function fileUrl(el: Element, file: FileData): string | null {
  if (file.url !== null) return file.url;
  if (file.path === null || file.path.startsWith("/")) return null;
  const manifest = el.closest("gradio-lite")?.getAttribute("manifest");
  return manifest ? appFileUrl(new URL(manifest, document.baseURI).href, file.path) : null;
}

/** Draw `file` once `el` is in the page (a shipped file's URL depends on where it is). */
function showWhenPlaced(el: HTMLElement, file: FileData, show: Show): void {
  const draw = (): void => {
    el.replaceChildren(show(file, fileUrl(el, file)));
  };
  if (el.isConnected || file.url !== null) draw();
  else queueMicrotask(draw);
}

export function fileName(file: FileData): string {
  return file.orig_name ?? file.path?.split("/").pop() ?? "file";
}

export function downloadLink(file: FileData, url: string): HTMLAnchorElement {
  const name = fileName(file);
  return h("a", { href: url, download: name, class: "lite-file-link lite-media-download" }, `Download ${name}`);
}

/** The picked/dropped/pasted file input. Its `control` is the <input type=file>. */
export function mediaInput(config: Config<unknown>, b: Block, options: MediaInput): Widget {
  const input = h("input", {
    id: b.controlId,
    type: "file",
    class: "lite-file-input",
    accept: options.accept,
    disabled: !config.interactive,
  });
  const preview = h("div", { class: "lite-media-preview" });
  const hint = h("p", { class: "lite-media-hint" }, options.hint);
  const remove = h("button", { type: "button", class: "lite-btn lite-btn-secondary lite-media-remove" }, "Remove");
  // tabindex -1: a click on the zone focuses it, so a paste lands here (not a tab stop).
  const zone = h("div", { class: "lite-media-drop", tabindex: "-1" }, preview, hint, input, remove);
  b.root.append(zone);

  let file: FileData | null = null;
  const listeners: (() => void)[] = [];
  const show = (next: FileData | null): void => {
    if (file !== null && file !== next) releasePicked(file);
    file = next;
    zone.classList.toggle("lite-media-empty", file === null);
    remove.hidden = file === null || !config.interactive;
    if (file === null) preview.replaceChildren();
    else showWhenPlaced(preview, file, withName(options.show));
  };
  const take = (picked: File | undefined): void => {
    if (picked === undefined || !config.interactive) return;
    show(pickedFile(picked));
    for (const listener of listeners) listener();
  };
  const matches = (f: File): boolean => options.accept.split(",").some((type) => accepts(type.trim(), f));

  input.addEventListener("change", () => take(input.files?.[0]));
  remove.addEventListener("click", () => {
    input.value = "";
    show(null);
    for (const listener of listeners) listener();
  });
  // Say where a dragged file will land while it is over the component.
  b.root.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("lite-media-over");
  });
  b.root.addEventListener("dragleave", () => zone.classList.remove("lite-media-over"));
  b.root.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("lite-media-over");
    take(Array.from(event.dataTransfer?.files ?? []).find(matches));
  });
  if (options.paste) {
    b.root.addEventListener("paste", (event) => {
      const pasted = Array.from(event.clipboardData?.files ?? []).find(matches);
      if (pasted === undefined) return; // not a file of this kind: let the paste be
      event.preventDefault();
      take(pasted);
    });
  }
  return {
    control: input,
    get: () => file,
    set: (value) => {
      input.value = "";
      show(isFileData(value) ? value : null);
    },
    onChange: (listener) => listeners.push(listener),
  };
}

/** The file's name under its preview: the native picker says nothing of an example's file. */
function withName(show: Show): Show {
  return (file, url) =>
    url === null
      ? show(file, url)
      : h("figure", { class: "lite-media-figure" }, show(file, url), h("figcaption", {}, fileName(file)));
}

/** `accept`'s rule: "image/*" matches any image type, ".png" the extension. */
function accepts(type: string, file: File): boolean {
  if (type.endsWith("/*")) return file.type.startsWith(type.slice(0, -1));
  if (type.startsWith(".")) return file.name.toLowerCase().endsWith(type.toLowerCase());
  return file.type === type;
}

/** An output showing one file (player or picture) and, optionally, its download link. */
export function mediaOutput(b: Block, type: string, show: Show, download: boolean): Widget {
  return outputWidget(b, type, (output, value: Json) => {
    if (!isFileData(value)) {
      output.replaceChildren();
      return;
    }
    const media = h("div", { class: "lite-media-preview" });
    const link = h("div", { class: "lite-media-links" });
    output.replaceChildren(media, link);
    showWhenPlaced(media, value, (file, url) => {
      link.replaceChildren(download && url !== null ? downloadLink(file, url) : "");
      return show(file, url);
    });
  });
}

/** The name of a file we cannot show (it lives only in Python's file system). */
export function nameOnly(file: FileData): HTMLElement {
  return h("span", { class: "lite-media-name" }, fileName(file));
}

/** Gradio's height/width props as inline size limits. */
export function sized(el: HTMLElement, height: string | null, width: string | null): HTMLElement {
  if (height !== null) el.style.height = height;
  if (width !== null) el.style.width = width;
  return el;
}
