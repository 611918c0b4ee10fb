// Textbox: free text. `lines` > 1 is a textarea that grows up to `max_lines`.

import { h } from "../dom";
import type { Block } from "../render/block";
import { textField, textOutput } from "./widgets";
import { type Config, defineComponent } from "./types";

export interface Props {
  lines: number;
  max_lines: number;
  placeholder: string | null;
  type: "text" | "password" | "email";
}

export default defineComponent<Props>({
  input(config: Config<Props>, b: Block) {
    const { lines, max_lines, placeholder } = config.props;
    const common = { id: b.controlId, placeholder, disabled: !config.interactive };
    if (lines <= 1) {
      const type = config.props.type;
      return textField(b, h("input", { ...common, type, class: "lite-input" }), true);
    }
    const box = h("textarea", { ...common, rows: String(lines), class: "lite-input" });
    // Grow with the text, from `lines` up to `max_lines`, then scroll (Gradio's rule).
    const grow = (): void => {
      box.rows = lines;
      while (box.rows < max_lines && box.scrollHeight > box.clientHeight) box.rows += 1;
    };
    box.addEventListener("input", grow);
    const field = textField(b, box, false);
    return {
      ...field,
      set: (value) => {
        field.set(value);
        grow();
      },
    };
  },
  output(config: Config<Props>, b: Block) {
    const widget = textOutput(b, "textbox");
    (widget.control as HTMLElement).style.setProperty("--lite-lines", String(config.props.lines));
    return widget;
  },
});
