// Slider: a text box for the value, with a range control mirroring it for the mouse.

import { h } from "../dom";
import type { Block } from "../render/block";
import { parseNumber, toText } from "../values";
import { listen, onEnter, textOutput } from "./widgets";
import { type Config, defineComponent } from "./types";

export interface Props {
  minimum: number;
  maximum: number;
  step: number;
}

export default defineComponent<Props>({
  input(config: Config<Props>, b: Block) {
    const { minimum, maximum, step } = config.props;
    const box = h("input", {
      id: b.controlId,
      type: "text",
      inputmode: "decimal",
      class: "lite-input lite-slider-box",
      disabled: !config.interactive,
    });
    // The range is a mouse/touch convenience mirroring the box; hidden from
    // assistive tech so the label names one control only.
    const range = h("input", {
      type: "range",
      min: String(minimum),
      max: String(maximum),
      step: step > 0 ? String(step) : "any",
      "aria-hidden": "true",
      tabindex: "-1",
      class: "lite-range",
      disabled: !config.interactive,
    });
    const label = b.root.querySelector(".lite-label");
    const head = h("div", { class: "lite-slider-head" });
    if (label) head.append(label);
    head.append(box);
    b.root.prepend(head);
    b.root.append(range);
    const syncRange = (): void => {
      const n = parseNumber(box.value);
      if (n !== null) range.value = String(n);
    };
    box.addEventListener("input", syncRange);
    range.addEventListener("input", () => {
      box.value = range.value;
    });
    return {
      control: box,
      get: () => box.value,
      set: (value) => {
        // Like the range input of Gradio's page, a value outside the range shows (and is
        // sent) as the nearest end.
        const n = typeof value === "number" ? Math.min(maximum, Math.max(minimum, value)) : value;
        box.value = toText(n);
        syncRange();
      },
      onChange: listen([box, range], "input"),
      onSubmit: onEnter(box),
    };
  },
  output: (_config, b) => textOutput(b, "slider"),
});
