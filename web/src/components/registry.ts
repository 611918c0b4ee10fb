// THE map from a component's `type` (its Python class's `type`) to its page module.
// Adding a component: its Python module, its module here, and one line below.
// Heavy components go in `lazy`: esbuild splits them into their own chunk, which
// only apps that use them download.

import chatbot from "./chatbot";
import audio from "./audio";
import checkbox from "./checkbox";
import { checkboxgroup, radio } from "./choices";
import colorpicker from "./colorpicker";
import datetime from "./datetime";
import { html, json, label, markdown } from "./display";
import dropdown from "./dropdown";
import file from "./file";
import highlightedtext from "./highlightedtext";
import gallery from "./gallery";
import image from "./image";
import number from "./number";
import slider from "./slider";
import textbox from "./textbox";
import video from "./video";
import type { ComponentModule } from "./types";

const eager = {
  textbox,
  number,
  slider,
  checkbox,
  checkboxgroup,
  radio,
  dropdown,
  json,
  label,
  markdown,
  html,
  file,
  colorpicker,
  datetime,
  highlightedtext,
  chatbot,
  image,
  audio,
  video,
  gallery,
};

const lazy = {
  code: () => import("./code"),
  dataframe: () => import("./dataframe"),
};

type Eager = typeof eager;
type Lazy = typeof lazy;
type PropsOf<M> = M extends ComponentModule<infer P> ? P : never;

/** Each component type's props, as its module declares them (protocol.ts builds on it). */
export type PropsByType = { [K in keyof Eager]: PropsOf<Eager[K]> } & {
  [K in keyof Lazy]: Lazy[K] extends () => Promise<{ default: infer M }> ? PropsOf<M> : never;
};
export type ComponentType = keyof PropsByType;

const loaded = new Map<string, ComponentModule<unknown>>(Object.entries(eager) as [string, ComponentModule<unknown>][]);

/** Load the modules `types` need (lazy chunks), so rendering can stay synchronous. */
export async function loadModules(types: Iterable<string>): Promise<void> {
  const loaders = lazy as Record<string, (() => Promise<{ default: ComponentModule<unknown> }>) | undefined>;
  await Promise.all(
    [...new Set(types)].map(async (type) => {
      const load = loaders[type];
      if (loaded.has(type) || load === undefined) return;
      loaded.set(type, (await load()).default);
    }),
  );
}

/** The module for `type`, or null for a type this page does not know. */
export function moduleFor(type: string): ComponentModule<unknown> | null {
  return loaded.get(type) ?? null;
}
