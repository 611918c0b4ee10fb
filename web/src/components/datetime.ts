// DateTime: a text box for "YYYY-MM-DD HH:MM:SS" (or "now - 2h", which Python reads),
// with the browser's own date picker beside it to fill the box. Python checks the text.

import { h } from "../dom";
import { toText } from "../values";
import styles from "./datetime.css";
import { listen, onEnter, textOutput } from "./widgets";
import { defineComponent } from "./types";

export interface Props {
  include_time: boolean;
}

/** The picker's value ("2024-05-01T13:45" or "...:07") as Gradio's text, and back. */
export function fromPicker(value: string, includeTime: boolean): string {
  if (!includeTime) return value.slice(0, 10);
  const [date = "", time = ""] = value.split("T");
  return `${date} ${time.length === 5 ? `${time}:00` : time.slice(0, 8)}`;
}

export function toPicker(text: string, includeTime: boolean): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?\s*$/.exec(text);
  if (!m?.[1]) return null;
  return includeTime ? `${m[1]}T${m[2] ?? "00:00:00"}` : m[1];
}

export default defineComponent<Props>({
  css: styles,
  input(config, b) {
    const includeTime = config.props.include_time;
    const box = h("input", {
      id: b.controlId,
      type: "text",
      class: "lite-input",
      placeholder: includeTime ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD",
      disabled: !config.interactive,
    });
    const picker = h("input", {
      type: includeTime ? "datetime-local" : "date",
      step: includeTime ? "1" : null,
      class: "lite-date-picker",
      "aria-label": "Pick from a calendar",
      disabled: !config.interactive,
    });
    b.root.append(h("div", { class: "lite-date" }, box, picker));
    const sync = (): void => {
      picker.value = toPicker(box.value, includeTime) ?? "";
    };
    box.addEventListener("input", sync);
    picker.addEventListener("change", () => {
      if (picker.value === "") return;
      box.value = fromPicker(picker.value, includeTime);
      box.dispatchEvent(new Event("input"));
    });
    return {
      control: box,
      get: () => box.value,
      set: (value) => {
        box.value = toText(value);
        sync();
      },
      onChange: listen([box], "input"),
      onSubmit: onEnter(box),
    };
  },
  output: (_config, b) => textOutput(b, "datetime"),
});
