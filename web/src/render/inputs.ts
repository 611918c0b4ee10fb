// Input components: real form controls, each labelled exactly once so that
// get_by_label("Score") finds one element. Values go to Python in page form
// (see protocol.ts); numbers go as the raw text typed, Python validates them.

import { h, uid } from "../dom";
import type { ComponentConfig, Json } from "../protocol";
import {
  type Choice,
  choiceIndex,
  keepPickOrder,
  numberProp,
  parseNumber,
  pickedIndices,
  toChoices,
  toText,
} from "../values";
import { type Block, block, errorSlot, setDescribedBy } from "./block";

export interface InputField {
  readonly config: ComponentConfig;
  readonly root: HTMLElement;
  get(): Json;
  set(value: Json): void;
  setError(message: string | null): void;
  /** Called on every user edit (live mode). */
  onChange(listener: () => void): void;
  /** Called when the user presses Enter in a one-line box. */
  onSubmit(listener: () => void): void;
}

type Builder = (config: ComponentConfig, b: Block) => Omit<InputField, "config" | "root" | "setError"> & {
  control: Element;
};

const builders: Record<string, Builder> = {
  textbox: textbox,
  number: numberBox,
  slider: slider,
  checkbox: checkbox,
  checkboxgroup: (c, b) => choiceGroup(c, b, "checkbox"),
  radio: (c, b) => choiceGroup(c, b, "radio"),
  dropdown: dropdown,
};

export function createInput(config: ComponentConfig): InputField {
  const b = block(config, config.type !== "checkboxgroup" && config.type !== "radio");
  const build = builders[config.type] ?? unsupported;
  const field = build(config, b);
  setDescribedBy(field.control, b.describedBy);
  if (!config.interactive) field.control.setAttribute("aria-disabled", "true");
  // Like Gradio's page, an empty Number starts at 0 (and is submitted as 0); Clear empties it.
  field.set(config.type === "number" && config.value === null ? 0 : config.value);
  return {
    config,
    root: b.root,
    get: field.get,
    set: field.set,
    onChange: field.onChange,
    onSubmit: field.onSubmit,
    setError: errorSlot(b, () => field.control),
  };
}

function listen(targets: EventTarget[], type: string): (listener: () => void) => void {
  return (listener) => {
    for (const target of targets) target.addEventListener(type, () => listener());
  };
}

function onEnter(box: HTMLElement): (listener: () => void) => void {
  return (listener) => {
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing) {
        event.preventDefault();
        listener();
      }
    });
  };
}

const never = (): void => {};

function textbox(config: ComponentConfig, b: Block): ReturnType<Builder> {
  const lines = numberProp(config.props, "lines", 1);
  const placeholder = typeof config.props["placeholder"] === "string" ? config.props["placeholder"] : null;
  const common = { id: b.controlId, placeholder, disabled: !config.interactive };
  let box: HTMLInputElement | HTMLTextAreaElement;
  if (lines > 1) {
    box = h("textarea", { ...common, rows: String(lines), class: "lite-input" });
  } else {
    const kind = config.props["type"];
    const type = kind === "password" || kind === "email" ? kind : "text";
    box = h("input", { ...common, type, class: "lite-input" });
  }
  return textField(b, box, lines > 1 ? never : onEnter(box));
}

function numberBox(config: ComponentConfig, b: Block): ReturnType<Builder> {
  // type=text keeps what the user typed (a number input would blank "abc"),
  // so Python can say what was wrong with it.
  const box = h("input", {
    id: b.controlId,
    type: "text",
    inputmode: "decimal",
    class: "lite-input",
    disabled: !config.interactive,
  });
  return textField(b, box, onEnter(box));
}

/** A field whose value is the text in `box`, as typed. */
function textField(
  b: Block,
  box: HTMLInputElement | HTMLTextAreaElement,
  onSubmit: ReturnType<Builder>["onSubmit"],
): ReturnType<Builder> {
  b.root.append(box);
  return {
    control: box,
    get: () => box.value,
    set: (value) => {
      box.value = toText(value);
    },
    onChange: listen([box], "input"),
    onSubmit,
  };
}

function slider(config: ComponentConfig, b: Block): ReturnType<Builder> {
  const min = numberProp(config.props, "minimum", 0);
  const max = numberProp(config.props, "maximum", 100);
  const step = numberProp(config.props, "step", 1);
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
    min: String(min),
    max: String(max),
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
      box.value = toText(value);
      syncRange();
    },
    onChange: listen([box, range], "input"),
    onSubmit: onEnter(box),
  };
}

function checkbox(config: ComponentConfig, b: Block): ReturnType<Builder> {
  const box = h("input", { id: b.controlId, type: "checkbox", disabled: !config.interactive });
  // The label sits beside its box here, as in Gradio.
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
    onSubmit: never,
  };
}

function choiceGroup(config: ComponentConfig, b: Block, kind: "checkbox" | "radio"): ReturnType<Builder> {
  const choices = toChoices(config.props["choices"]);
  const group = h("div", {
    id: b.controlId,
    role: kind === "radio" ? "radiogroup" : "group",
    "aria-labelledby": b.labelId,
    class: "lite-choices",
  });
  const name = uid("choice");
  const boxes = choices.map(([display], i) => {
    const box = h("input", { type: kind, name, value: String(i), disabled: !config.interactive });
    group.append(h("label", { class: "lite-choice" }, box, display));
    return box;
  });
  b.root.append(group);
  // Values go in the order they were picked, as on Gradio's page.
  let order: number[] = [];
  const checked = (): number[] => boxes.flatMap((box, i) => (box.checked ? [i] : []));
  for (const box of boxes) box.addEventListener("change", () => (order = keepPickOrder(order, checked())));
  const picked = (): Json[] => keepPickOrder(order, checked()).flatMap((i) => (choices[i] ? [choices[i][1]] : []));
  return {
    control: group,
    get: () => (kind === "radio" ? (picked()[0] ?? null) : picked()),
    set: (value) => {
      order = pickedIndices(choices, value);
      boxes.forEach((box, i) => {
        box.checked = order.includes(i);
      });
    },
    onChange: listen(boxes, "change"),
    onSubmit: never,
  };
}

function dropdown(config: ComponentConfig, b: Block): ReturnType<Builder> {
  const choices = toChoices(config.props["choices"]);
  const multiple = config.props["multiselect"] === true;
  if (config.props["allow_custom_value"] === true && !multiple) return customDropdown(config, b, choices);
  const select = h("select", {
    id: b.controlId,
    class: "lite-input",
    multiple,
    disabled: !config.interactive,
  });
  choices.forEach(([display], i) => select.append(h("option", { value: String(i) }, display)));
  b.root.append(select);
  // Values go in the order they were picked, as on Gradio's page; a multiselect set to
  // null (by Clear) sends null until the user picks, as Gradio's does.
  let order: number[] = [];
  let isNull = false;
  const selectedNow = (): number[] => Array.from(select.selectedOptions, (o) => Number(o.value));
  select.addEventListener("change", () => {
    order = keepPickOrder(order, selectedNow());
    isNull = false;
  });
  const selected = (): Json[] =>
    keepPickOrder(order, selectedNow()).flatMap((i) => (choices[i] ? [choices[i][1]] : []));
  return {
    control: select,
    get: () => (multiple ? (isNull ? null : selected()) : (selected()[0] ?? null)),
    set: (value) => {
      isNull = value === null;
      order = pickedIndices(choices, value);
      for (const option of Array.from(select.options)) option.selected = order.includes(Number(option.value));
      // A single select shows blank for a value that is not a choice (or null).
      if (!multiple && order.length === 0) select.selectedIndex = -1;
    },
    onChange: listen([select], "change"),
    onSubmit: never,
  };
}

function customDropdown(config: ComponentConfig, b: Block, choices: Choice[]): ReturnType<Builder> {
  const listId = `${b.controlId}-list`;
  const box = h("input", {
    id: b.controlId,
    type: "text",
    list: listId,
    class: "lite-input",
    disabled: !config.interactive,
  });
  const list = h("datalist", { id: listId });
  for (const [display] of choices) list.append(h("option", { value: display }));
  b.root.append(box, list);
  return {
    control: box,
    get: () => {
      // A typed choice's display text stands for its value; anything else is sent as typed.
      const match = choices.find(([display]) => display === box.value);
      if (match) return match[1];
      return box.value === "" ? null : box.value;
    },
    set: (value) => {
      const i = choiceIndex(choices, value);
      box.value = i >= 0 ? (choices[i]?.[0] ?? "") : toText(value);
    },
    onChange: listen([box], "input"),
    onSubmit: onEnter(box),
  };
}

/** A component this front end cannot show: keep its value, say so plainly. */
function unsupported(config: ComponentConfig, b: Block): ReturnType<Builder> {
  let value: Json = config.value;
  const note = h("output", { id: b.controlId, class: "lite-unsupported" });
  b.root.querySelector("label")?.setAttribute("for", b.controlId);
  b.root.append(note);
  return {
    control: note,
    get: () => value,
    set: (v) => {
      value = v;
      note.textContent = `This page cannot edit a ${config.type} component.`;
    },
    onChange: never,
    onSubmit: never,
  };
}
