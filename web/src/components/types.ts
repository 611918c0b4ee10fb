// What a component module gives the page. One module per component (or a small family),
// registered by its Python `type` in registry.ts; the Python class is its other half.

import type { BaseConfig, Json } from "../protocol";
import type { Block } from "../render/block";

/** A component's config with its own typed props. */
export type Config<P> = BaseConfig & { type: string; props: P };

/** A rendered component: its labelled control, and its value in page form. */
export interface Widget {
  /** The element the label names (get_by_label finds it); also gets aria-describedby. */
  control: Element;
  get(): Json;
  set(value: Json): void;
  /** Called on every user edit (live mode). */
  onChange?(listener: () => void): void;
  /** Called when the user presses Enter in a one-line box. */
  onSubmit?(listener: () => void): void;
}

export interface ComponentModule<P> {
  /**
   * true (default): a <label for> names one control. false: the label is a caption
   * that a role=group names itself with (aria-labelledby).
   */
  labelFor?: boolean;
  /** The editable form; without it an input shows the output form, read-only. */
  input?(config: Config<P>, b: Block): Widget;
  /** The display form; without it an output shows its value as text. */
  output?(config: Config<P>, b: Block): Widget;
  /** CSS the module owns, added to the page once, when the component is first used. */
  css?: string;
}

/** Typed identity: lets each module declare its props once. */
export function defineComponent<P>(module: ComponentModule<P>): ComponentModule<P> {
  return module;
}
