// Audio: pick or drop a sound file and hear it; an output plays what Python returned
// and offers it for download. Recording (sources="microphone") is not offered here.

import { h } from "../dom";
import type { FileData } from "../protocol";
import css from "./media.css";
import { mediaInput, mediaOutput, nameOnly } from "./media";
import { type Config, defineComponent } from "./types";

export interface Props {
  autoplay: boolean;
  loop: boolean;
  download: boolean;
}

function player(config: Config<Props>, autoplay: boolean) {
  return (file: FileData, url: string | null): Node =>
    url === null
      ? nameOnly(file)
      : h("audio", {
          src: url,
          controls: true,
          preload: "metadata",
          loop: config.props.loop,
          autoplay,
          class: "lite-audio",
          "aria-label": file.orig_name ?? "Audio",
        });
}

export default defineComponent<Props>({
  css,
  input(config, b) {
    return mediaInput(config, b, {
      accept: "audio/*",
      hint: "Drop an audio file here or choose one.",
      paste: false,
      show: player(config, false),
    });
  },
  output(config, b) {
    return mediaOutput(b, "audio", player(config, config.props.autoplay), config.props.download);
  },
});
