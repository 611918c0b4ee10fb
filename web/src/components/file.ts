// File: a file picker (drop a file on it too) in, download links out. Picked files
// are previewed through object URLs; their bytes go to Python only when an event runs.

import { h } from "../dom";
import { filesIn, isFileData, pickedFile, releasePicked } from "../files";
import type { FileData, Json } from "../protocol";
import type { Block } from "../render/block";
import { outputWidget } from "./widgets";
import { type Config, defineComponent } from "./types";

export interface Props {
  file_count: "single" | "multiple" | "directory";
  file_types: string[] | null;
}

/** The picker's `accept`: extensions as they are, Gradio's categories as MIME patterns. */
export function acceptFor(fileTypes: string[] | null): string | null {
  if (fileTypes === null || fileTypes.length === 0) return null;
  return fileTypes
    .map((t) => (["image", "video", "audio", "text"].includes(t) ? `${t}/*` : t))
    .join(",");
}

/** The file list a value holds: one FileData, a list of them, or nothing. */
export function fileList(value: Json): FileData[] {
  return isFileData(value) ? [value] : filesIn(Array.isArray(value) ? value : null);
}

function links(files: FileData[]): HTMLElement {
  const list = h("ul", { class: "lite-files" });
  for (const file of files) {
    const name = file.orig_name ?? "file";
    const size = file.size === null ? "" : ` (${formatSize(file.size)})`;
    const item = file.url
      ? h("a", { href: file.url, download: name, class: "lite-file-link" }, name)
      : h("span", {}, name);
    list.append(h("li", {}, item, size));
  }
  return list;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export default defineComponent<Props>({
  input(config: Config<Props>, b: Block) {
    const { file_count, file_types } = config.props;
    const input = h("input", {
      id: b.controlId,
      type: "file",
      class: "lite-file-input",
      multiple: file_count !== "single",
      accept: acceptFor(file_types),
      disabled: !config.interactive,
    });
    if (file_count === "directory") input.setAttribute("webkitdirectory", "");
    const shown = h("div", { class: "lite-file-list" });
    b.root.append(input, shown);
    let files: FileData[] = [];
    const listeners: (() => void)[] = [];
    const show = (next: FileData[]): void => {
      for (const old of files) if (!next.includes(old)) releasePicked(old);
      files = next;
      shown.replaceChildren(files.length ? links(files) : "");
    };
    const take = (list: FileList | null): void => {
      show(Array.from(list ?? []).map(pickedFile));
      for (const listener of listeners) listener();
    };
    input.addEventListener("change", () => take(input.files));
    // Drop a file anywhere on the component.
    b.root.addEventListener("dragover", (event) => event.preventDefault());
    b.root.addEventListener("drop", (event) => {
      event.preventDefault();
      if (config.interactive) take(event.dataTransfer?.files ?? null);
    });
    return {
      control: input,
      get: () => (file_count === "single" ? (files[0] ?? null) : files),
      set: (value) => {
        input.value = "";
        show(fileList(value));
      },
      onChange: (listener) => listeners.push(listener),
    };
  },
  output(_config: Config<Props>, b: Block) {
    return outputWidget(b, "file", (output, value) => {
      const files = fileList(value);
      output.replaceChildren(files.length ? links(files) : "");
    });
  },
});
