// CheckboxGroup and Radio: a labelled group of boxes over `choices`
// ([display, value] pairs; the page sends values back).

import { h, uid } from "../dom";
import type { Json } from "../protocol";
import type { Block } from "../render/block";
import { keepPickOrder, pickedIndices, toChoices } from "../values";
import { listen, textOutput } from "./widgets";
import { type ComponentModule, type Config, defineComponent, type Widget } from "./types";

export interface Props {
  choices: [string, Json][];
}

function group(config: Config<Props>, b: Block, kind: "checkbox" | "radio"): Widget {
  const choices = toChoices(config.props.choices);
  const root = h("div", {
    id: b.controlId,
    role: kind === "radio" ? "radiogroup" : "group",
    "aria-labelledby": b.labelId,
    class: "lite-choices",
  });
  const name = uid("choice");
  const boxes = choices.map(([display], i) => {
    const box = h("input", { type: kind, name, value: String(i), disabled: !config.interactive });
    root.append(h("label", { class: "lite-choice" }, box, display));
    return box;
  });
  b.root.append(root);
  // Values go in the order they were picked, as on Gradio's page.
  let order: number[] = [];
  const checked = (): number[] => boxes.flatMap((box, i) => (box.checked ? [i] : []));
  for (const box of boxes) box.addEventListener("change", () => (order = keepPickOrder(order, checked())));
  const picked = (): Json[] =>
    keepPickOrder(order, checked()).flatMap((i) => (choices[i] ? [choices[i][1]] : []));
  return {
    control: root,
    get: () => (kind === "radio" ? (picked()[0] ?? null) : picked()),
    set: (value) => {
      order = pickedIndices(choices, value);
      boxes.forEach((box, i) => {
        box.checked = order.includes(i);
      });
    },
    onChange: listen(boxes, "change"),
  };
}

export const checkboxgroup: ComponentModule<Props> = defineComponent<Props>({
  labelFor: false,
  input: (config, b) => group(config, b, "checkbox"),
  output: (_config, b) => textOutput(b, "checkboxgroup"),
});

export const radio: ComponentModule<Props> = defineComponent<Props>({
  labelFor: false,
  input: (config, b) => group(config, b, "radio"),
  output: (_config, b) => textOutput(b, "radio"),
});
