// Checkbox: one box, its label beside it as in Gradio.

import { h } from "../dom";
import type { Block } from "../render/block";
import { listen, textOutput } from "./widgets";
import { type Config, defineComponent } from "./types";

export type Props = Record<string, never>;

export default defineComponent<Props>({
  input(config: Config<Props>, b: Block) {
    const box = h("input", { id: b.controlId, type: "checkbox", disabled: !config.interactive });
    const label = b.root.querySelector(".lite-label");
    const row = h("div", { class: "lite-check-row" }, box);
    if (label) row.append(label);
    b.root.prepend(row);
    return {
      control: box,
      get: () => box.checked,
      set: (value) => {
        box.checked = value === true;
      },
      onChange: listen([box], "change"),
    };
  },
  output: (_config, b) => textOutput(b, "checkbox"),
});
