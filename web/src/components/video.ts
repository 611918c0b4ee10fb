// Video: pick or drop a video and watch it; an output plays what Python returned and
// offers it for download. Recording (sources="webcam") is not offered here.

import { h } from "../dom";
import type { FileData } from "../protocol";
import css from "./media.css";
import { mediaInput, mediaOutput, nameOnly, sized } from "./media";
import { type Config, defineComponent } from "./types";

export interface Props {
  height: string | null;
  width: string | null;
  autoplay: boolean;
  loop: boolean;
  download: boolean;
}

function player(config: Config<Props>, autoplay: boolean) {
  return (file: FileData, url: string | null): Node =>
    url === null
      ? nameOnly(file)
      : sized(
          h("video", {
            src: url,
            controls: true,
            preload: "metadata",
            loop: config.props.loop,
            autoplay,
            // Browsers only autoplay muted video.
            muted: autoplay,
            playsinline: true,
            class: "lite-video",
            "aria-label": file.orig_name ?? "Video",
          }),
          config.props.height,
          config.props.width,
        );
}

export default defineComponent<Props>({
  css,
  input(config, b) {
    return mediaInput(config, b, {
      accept: "video/*",
      hint: "Drop a video here or choose one.",
      paste: false,
      show: player(config, false),
    });
  },
  output(config, b) {
    return mediaOutput(b, "video", player(config, config.props.autoplay), config.props.download);
  },
});
