// Number: a text box (so Python can say what was wrong with "abc"), with Gradio's
// range and step as hints for the keyboard and for assistive tech.

import { h } from "../dom";
import type { Block } from "../render/block";
import { textField, textOutput } from "./widgets";
import { type Config, defineComponent } from "./types";

export interface Props {
  precision: number | null;
  minimum: number | null;
  maximum: number | null;
  step: number;
  placeholder: string | null;
}

export default defineComponent<Props>({
  input(config: Config<Props>, b: Block) {
    const { minimum, maximum, step, precision, placeholder } = config.props;
    const box = h("input", {
      id: b.controlId,
      type: "text",
      // Integers get the numeric keypad; anything else needs a decimal point.
      inputmode: precision === 0 ? "numeric" : "decimal",
      placeholder,
      class: "lite-input",
      disabled: !config.interactive,
      "aria-valuemin": minimum === null ? null : String(minimum),
      "aria-valuemax": maximum === null ? null : String(maximum),
    });
    const field = textField(b, box, true);
    // Like Gradio's page, a Number with no value starts at 0 (and is submitted as 0).
    let first = true;
    const set = field.set;
    field.set = (value) => {
      set(first && value === null ? 0 : value);
      first = false;
    };
    // Arrow keys step the value, as a number input does.
    box.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
      const current = Number(box.value.trim() || "0");
      if (!Number.isFinite(current)) return;
      event.preventDefault();
      let next = current + (event.key === "ArrowUp" ? step : -step);
      if (minimum !== null) next = Math.max(minimum, next);
      if (maximum !== null) next = Math.min(maximum, next);
      box.value = String(Number(next.toFixed(precision ?? 10)));
      box.dispatchEvent(new Event("input"));
    });
    return field;
  },
  output: (_config, b) => textOutput(b, "number"),
});
