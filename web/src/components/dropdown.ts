// Dropdown: a <select> (multiple for multiselect), or a text box with suggestions
// when custom values are allowed.

import { h } from "../dom";
import type { Json } from "../protocol";
import type { Block } from "../render/block";
import { type Choice, choiceIndex, keepPickOrder, pickedIndices, toChoices, toText } from "../values";
import { listen, onEnter, textOutput } from "./widgets";
import { type Config, defineComponent, type Widget } from "./types";

export interface Props {
  choices: [string, Json][];
  multiselect: boolean;
  allow_custom_value: boolean;
  max_choices: number | null;
}

export default defineComponent<Props>({
  input(config: Config<Props>, b: Block) {
    const choices = toChoices(config.props.choices);
    const { multiselect, max_choices } = config.props;
    if (config.props.allow_custom_value && !multiselect) return custom(config, b, choices);
    const select = h("select", {
      id: b.controlId,
      class: "lite-input",
      multiple: multiselect,
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
    // Past max_choices, the other options can't be picked (Gradio greys them out).
    const limit = (): void => {
      if (!multiselect || max_choices === null) return;
      const full = select.selectedOptions.length >= max_choices;
      for (const option of Array.from(select.options)) option.disabled = full && !option.selected;
    };
    select.addEventListener("change", limit);
    return {
      control: select,
      get: () => (multiselect ? (isNull ? null : selected()) : (selected()[0] ?? null)),
      set: (value) => {
        isNull = value === null;
        order = pickedIndices(choices, value);
        for (const option of Array.from(select.options)) option.selected = order.includes(Number(option.value));
        // A single select shows blank for a value that is not a choice (or null).
        if (!multiselect && order.length === 0) select.selectedIndex = -1;
        limit();
      },
      onChange: listen([select], "change"),
    };
  },
  output: (_config, b) => textOutput(b, "dropdown"),
});

function custom(config: Config<Props>, b: Block, choices: Choice[]): Widget {
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
