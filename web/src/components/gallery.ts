// Gallery: a grid of images (or videos) with captions. A thumbnail opens a larger
// preview above the grid when `allow_preview` is on.

import { h } from "../dom";
import { isFileData } from "../files";
import type { FileData, Json } from "../protocol";
import css from "./gallery.css";
import { downloadLink, fileName, fileUrl } from "./media";
import { outputWidget } from "./widgets";
import { type Config, defineComponent } from "./types";

export interface Props {
  columns: number;
  height: string | null;
  object_fit: "contain" | "cover" | "fill" | "none" | "scale-down" | null;
  allow_preview: boolean;
  preview: boolean;
  selected_index: number | null;
  fit_columns: boolean;
}

export interface Item {
  file: FileData;
  video: boolean;
  caption: string | null;
}

/** The gallery's items from its page form: [{image|video: FileData, caption}, ...]. */
export function galleryItems(value: Json): Item[] {
  if (!Array.isArray(value)) return [];
  const items: Item[] = [];
  for (const entry of value) {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) continue;
    const video = entry["video"];
    const file = isFileData(video) ? video : entry["image"];
    const caption = entry["caption"];
    if (isFileData(file)) items.push({ file, video: isFileData(video), caption: typeof caption === "string" ? caption : null });
  }
  return items;
}

function media(item: Item, url: string | null, alt: string, fit: string | null): HTMLElement {
  if (url === null) return h("span", { class: "lite-media-name" }, fileName(item.file));
  const el = item.video
    ? h("video", { src: url, controls: true, preload: "metadata", "aria-label": alt })
    : h("img", { src: url, alt, loading: "lazy" });
  if (fit !== null) el.style.objectFit = fit;
  return el;
}

function render(config: Config<Props>, output: HTMLOutputElement, value: Json, open: number | null): void {
  const { columns, height, object_fit, allow_preview, fit_columns } = config.props;
  const items = galleryItems(value);
  const alt = (item: Item, i: number): string => item.caption ?? item.file.orig_name ?? `Image ${i + 1}`;
  const parts: HTMLElement[] = [];
  const shown = open !== null ? items[open] : undefined;
  if (shown !== undefined && open !== null) {
    const close = h("button", { type: "button", class: "lite-btn lite-btn-secondary" }, "Close preview");
    close.addEventListener("click", () => render(config, output, value, null));
    const url = fileUrl(output, shown.file);
    parts.push(
      h(
        "figure",
        { class: "lite-gallery-preview" },
        media(shown, url, alt(shown, open), "contain"),
        shown.caption === null ? null : h("figcaption", {}, shown.caption),
        h("div", { class: "lite-gallery-actions" }, url === null ? null : downloadLink(shown.file, url), close),
      ),
    );
  }
  const grid = h("ul", { class: "lite-gallery" });
  const count = fit_columns ? Math.max(1, Math.min(columns, items.length)) : columns;
  grid.style.gridTemplateColumns = `repeat(${count}, minmax(0, 1fr))`;
  if (height !== null) grid.style.maxHeight = height;
  items.forEach((item, i) => {
    let thumb: HTMLElement = media(item, fileUrl(output, item.file), alt(item, i), object_fit ?? "cover");
    if (allow_preview && !item.video) {
      const button = h("button", { type: "button", class: "lite-gallery-thumb", "aria-label": `View ${alt(item, i)}` }, thumb);
      button.addEventListener("click", () => render(config, output, value, i));
      thumb = button;
    }
    const caption = item.caption === null ? null : h("figcaption", {}, item.caption);
    grid.append(h("li", {}, h("figure", {}, thumb, caption)));
  });
  parts.push(grid);
  output.replaceChildren(...parts);
}

export default defineComponent<Props>({
  css,
  output(config, b) {
    const { preview, selected_index } = config.props;
    return outputWidget(b, "gallery", (output, value) => {
      const open = preview ? (selected_index ?? 0) : null;
      // A shipped file's URL depends on where the gallery sits: draw once it is placed.
      if (output.isConnected) render(config, output, value, open);
      else queueMicrotask(() => render(config, output, value, open));
    });
  },
});
