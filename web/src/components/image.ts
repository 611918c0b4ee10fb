// Image: pick, drop or paste an image (previewed at once); an output shows it with
// alt text and a download link. Pixels never cross as base64: see ../files.ts.

import { h } from "../dom";
import type { FileData } from "../protocol";
import css from "./media.css";
import { mediaInput, mediaOutput, nameOnly, sized } from "./media";
import { type Config, defineComponent } from "./types";

export interface Props {
  height: string | null;
  width: string | null;
  sources: string[];
  placeholder: string | null;
  download: boolean;
  /** The output picture's alt text (else the label, else the file's name). */
  alt_text: string | null;
}

function picture(config: Config<Props>, alt: (file: FileData) => string) {
  return (file: FileData, url: string | null): Node =>
    url === null
      ? nameOnly(file)
      : sized(h("img", { src: url, alt: alt(file), class: "lite-image" }), config.props.height, config.props.width);
}

export default defineComponent<Props>({
  css,
  input(config, b) {
    const paste = config.props.sources.includes("clipboard");
    return mediaInput(config, b, {
      accept: "image/*",
      hint: config.props.placeholder ?? (paste ? "Drop an image here, paste one, or choose a file." : "Drop an image here or choose a file."),
      paste,
      show: picture(config, (file) => `Preview of ${file.orig_name ?? "the picked image"}`),
    });
  },
  output(config, b) {
    const alt = (file: FileData): string => config.props.alt_text || config.label || file.orig_name || "Image";
    return mediaOutput(b, "image", picture(config, alt), config.props.download);
  },
});
