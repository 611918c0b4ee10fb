// Small building blocks several components share.

import { h } from "../dom";
import type { Json } from "../protocol";
import { toText } from "../values";
import type { Block } from "../render/block";
import type { Widget } from "./types";

export function listen(targets: EventTarget[], type: string): (listener: () => void) => void {
  return (listener) => {
    for (const target of targets) target.addEventListener(type, () => listener());
  };
}

export function onEnter(box: HTMLElement): (listener: () => void) => void {
  return (listener) => {
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing) {
        event.preventDefault();
        listener();
      }
    });
  };
}

/** A field whose value is the text in `box`, as typed. */
export function textField(
  b: Block,
  box: HTMLInputElement | HTMLTextAreaElement,
  submit: boolean,
): Widget {
  b.root.append(box);
  const widget: Widget = {
    control: box,
    get: () => box.value,
    set: (value) => {
      box.value = toText(value);
    },
    onChange: listen([box], "input"),
  };
  if (submit) widget.onSubmit = onEnter(box);
  return widget;
}

/**
 * An <output> (a labelable element) whose content `render` draws: what every output
 * form is built on, so get_by_label finds it and its text is the rendered value.
 */
export function outputWidget(
  b: Block,
  type: string,
  render: (output: HTMLOutputElement, value: Json) => void,
): Widget & { output: HTMLOutputElement } {
  const output = h("output", { id: b.controlId, class: `lite-output lite-output-${type}` });
  b.root.append(output);
  let value: Json = null;
  return {
    output,
    control: output,
    get: () => value,
    set: (v) => {
      value = v;
      render(output, v);
    },
  };
}

/** The default output form: the value as text; lists read best as "a, b". */
export function textOutput(b: Block, type: string): Widget {
  return outputWidget(b, type, (output, value) => {
    output.textContent = Array.isArray(value) ? value.map(toText).join(", ") : toText(value);
  });
}
