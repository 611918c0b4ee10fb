// A component on the page: its block (label, info, error) around the widget its
// module in components/ draws. Inputs and outputs are both made here.

import { h } from "../dom";
import type { ComponentConfig, Json } from "../protocol";
import { moduleFor } from "../components/registry";
import { revokeReceived } from "../files";
import type { ComponentModule, Config, Widget } from "../components/types";
import { textOutput } from "../components/widgets";
import { block, errorSlot, setDescribedBy } from "./block";

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

export interface OutputField {
  readonly config: ComponentConfig;
  readonly root: HTMLElement;
  get(): Json;
  set(value: Json): void;
  setPending(pending: boolean): void;
}

const never = (): void => {};
const styled = new Set<string>();

/** The module's CSS, added to the document the first time the component is drawn. */
function adoptCss(type: string, module: ComponentModule<unknown>): void {
  if (module.css === undefined || styled.has(type)) return;
  styled.add(type);
  document.head.append(h("style", { "data-lite-component": type }, module.css));
}

export function createInput(config: ComponentConfig): InputField {
  const module = moduleFor(config.type);
  const editable = module?.input !== undefined;
  const b = block(config, !editable || (module?.labelFor ?? true));
  if (module) adoptCss(config.type, module);
  const c = config as Config<unknown>;
  const widget: Widget = module?.input?.(c, b) ?? module?.output?.(c, b) ?? unknown(config, b);
  setDescribedBy(widget.control, b.describedBy);
  if (!config.interactive) widget.control.setAttribute("aria-disabled", "true");
  widget.set(config.value);
  return {
    config,
    root: b.root,
    get: () => widget.get(),
    set: (value) => widget.set(value),
    onChange: widget.onChange ?? never,
    onSubmit: widget.onSubmit ?? never,
    setError: errorSlot(b, () => widget.control),
  };
}

export function createOutput(config: ComponentConfig): OutputField {
  const b = block(config, true);
  const module = moduleFor(config.type);
  if (module) adoptCss(config.type, module);
  const widget = module?.output?.(config as Config<unknown>, b) ?? textOutput(b, config.type);
  setDescribedBy(widget.control, b.describedBy);
  widget.set(config.value);
  return {
    config,
    root: b.root,
    get: () => widget.get(),
    set: (value) => {
      // The files shown before are gone from the page now: free their object URLs.
      const before = widget.get();
      widget.set(value);
      revokeReceived(before);
    },
    setPending: (pending) => {
      b.root.classList.toggle("lite-pending", pending);
      if (pending) widget.control.setAttribute("aria-busy", "true");
      else widget.control.removeAttribute("aria-busy");
    },
  };
}

/** A component this front end cannot show: keep its value, say so plainly. */
function unknown(config: ComponentConfig, b: ReturnType<typeof block>): Widget {
  let value: Json = config.value;
  const note = h("output", { id: b.controlId, class: "lite-unsupported" });
  b.root.append(note);
  note.textContent = `This page cannot show a ${config.type} component.`;
  return {
    control: note,
    get: () => value,
    set: (v) => {
      value = v;
    },
  };
}
