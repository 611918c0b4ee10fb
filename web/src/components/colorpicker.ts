// ColorPicker: the browser's colour input, plus a text box for typing a hex code.
// The value is the colour input's "#rrggbb"; null until one is picked or set.

import { h } from "../dom";
import type { Json } from "../protocol";
import { toText } from "../values";
import styles from "./colorpicker.css";
import { listen, outputWidget } from "./widgets";
import { defineComponent } from "./types";

type NoProps = Record<string, never>;

/** "#rrggbb" for "#rgb", "#rrggbb" or the same without "#"; null for anything else. */
export function toHex(text: string): string | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m?.[1]) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((d) => d + d).join("") : m[1];
  return `#${hex.toLowerCase()}`;
}

export default defineComponent<NoProps>({
  css: styles,
  input(config, b) {
    const picker = h("input", { id: b.controlId, type: "color", class: "lite-color-swatch", disabled: !config.interactive });
    const text = h("input", {
      type: "text",
      class: "lite-input lite-color-text",
      "aria-label": "Hex code",
      spellcheck: "false",
      placeholder: "#000000",
      disabled: !config.interactive,
    });
    b.root.append(h("div", { class: "lite-color" }, picker, text));
    let value: Json = null;
    const show = (hex: string | null): void => {
      value = hex;
      picker.value = hex ?? "#000000";
      text.value = hex ?? "";
      text.removeAttribute("aria-invalid");
    };
    picker.addEventListener("input", () => show(picker.value));
    text.addEventListener("input", () => {
      const hex = toHex(text.value);
      if (hex === null) {
        text.setAttribute("aria-invalid", "true");
        return;
      }
      value = hex;
      picker.value = hex;
      text.removeAttribute("aria-invalid");
    });
    text.addEventListener("change", () => {
      if (toHex(text.value) !== null) show(toHex(text.value));
    });
    return {
      control: picker,
      get: () => value,
      set: (v) => show(v === null ? null : (toHex(toText(v)) ?? toText(v))),
      onChange: listen([picker, text], "input"),
    };
  },
  output: (_config, b) =>
    outputWidget(b, "colorpicker", (output, value) => {
      const color = value === null ? null : toText(value);
      const swatch = h("span", { class: "lite-color-chip", "aria-hidden": "true" });
      if (color !== null) swatch.style.background = color;
      output.replaceChildren(...(color === null ? [] : [swatch, color]));
    }),
});
