// The frame every component sits in: its label, info line and error message.

import { h, uid } from "../dom";
import type { ComponentConfig } from "../protocol";

export interface Block {
  root: HTMLDivElement;
  /** id of the labelled control (for <label for>), or of the label (for aria-labelledby). */
  controlId: string;
  labelId: string;
  /** Ids to put in the control's aria-describedby (the info line, if any). */
  describedBy: string[];
}

/**
 * `labelFor` true: a <label for=controlId>, for a single form control.
 * false: a plain caption that a role=group/radiogroup names itself with.
 */
export function block(config: ComponentConfig, labelFor: boolean): Block {
  const controlId = uid(`c${config.id}`);
  const labelId = `${controlId}-label`;
  const root = h("div", {
    class: `lite-block lite-block-${config.type}`,
    hidden: !config.visible,
    "data-component": config.type,
  });
  const labelClass = config.show_label ? "lite-label" : "lite-label lite-sr-only";
  root.append(
    labelFor
      ? h("label", { class: labelClass, for: controlId, id: labelId }, config.label)
      : h("span", { class: labelClass, id: labelId }, config.label),
  );
  const describedBy: string[] = [];
  if (config.info) {
    const infoId = `${controlId}-info`;
    root.append(h("p", { class: "lite-info", id: infoId }, config.info));
    describedBy.push(infoId);
  }
  return { root, controlId, labelId, describedBy };
}

/**
 * Shows one validation message under the control: role=alert so it is read out,
 * aria-invalid plus aria-describedby so the control itself says what is wrong.
 */
export function errorSlot(b: Block, control: () => Element): (message: string | null) => void {
  const errorId = `${b.controlId}-error`;
  let shown: HTMLElement | null = null;
  return (message) => {
    const el = control();
    shown?.remove();
    shown = null;
    if (message === null) {
      el.removeAttribute("aria-invalid");
      setDescribedBy(el, b.describedBy);
      b.root.classList.remove("lite-invalid");
      return;
    }
    shown = h("p", { class: "lite-field-error", id: errorId, role: "alert" }, message);
    b.root.append(shown);
    el.setAttribute("aria-invalid", "true");
    setDescribedBy(el, [...b.describedBy, errorId]);
    b.root.classList.add("lite-invalid");
  };
}

export function setDescribedBy(el: Element, ids: string[]): void {
  if (ids.length > 0) el.setAttribute("aria-describedby", ids.join(" "));
  else el.removeAttribute("aria-describedby");
}
