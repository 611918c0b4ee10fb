// Code: a <textarea> (so typing, undo, selection and get_by_label are the browser's own)
// over a <pre> that shows the same text highlighted. @speed-highlight/core tokenizes
// (synchronously, from the language tables imported below); tokens become text nodes in
// spans, never HTML. This module is lazy: only apps with a Code component download it.

import { type ShjLanguageData, tokenizeWith } from "@speed-highlight/core/tokenize";
import bash from "@speed-highlight/core/languages/bash.js";
import c from "@speed-highlight/core/languages/c.js";
import css from "@speed-highlight/core/languages/css.js";
import docker from "@speed-highlight/core/languages/docker.js";
import html from "@speed-highlight/core/languages/html.js";
import js from "@speed-highlight/core/languages/js.js";
import jsdoc from "@speed-highlight/core/languages/jsdoc.js";
import json from "@speed-highlight/core/languages/json.js";
import md from "@speed-highlight/core/languages/md.js";
import py from "@speed-highlight/core/languages/py.js";
import regex from "@speed-highlight/core/languages/regex.js";
import sql from "@speed-highlight/core/languages/sql.js";
import todo from "@speed-highlight/core/languages/todo.js";
import ts from "@speed-highlight/core/languages/ts.js";
import yaml from "@speed-highlight/core/languages/yaml.js";
import { h } from "../dom";
import type { Block } from "../render/block";
import { toText } from "../values";
import styles from "./code.css";
import { listen } from "./widgets";
import { type Config, defineComponent, type Widget } from "./types";

export interface Props {
  /** One of gr.Code.languages, or null for plain text. */
  language: string | null;
  lines: number;
  max_lines: number | null;
  wrap_lines: boolean;
  show_line_numbers: boolean;
  /** "copy" and/or "download": buttons above the editor. */
  buttons: string[];
}

type Grammar = ShjLanguageData;

// Tables by speed-highlight's names: the ones Gradio's languages map to, and the ones
// those embed (HTML holds CSS and JS; JS holds JSDoc and regexes; comments hold TODOs).
// (The tables' inferred types spell optional keys as `?: undefined`, which our
// exactOptionalPropertyTypes rejects; they are the library's own data, so cast once.)
const grammars = { bash, c, css, docker, html, js, jsdoc, json, md, py, regex, sql, todo, ts, yaml } as unknown as Record<
  string,
  Grammar
>;

// Gradio's language names that differ from speed-highlight's; latex, jinja2 and r have no
// table and show as plain text.
const aliases: Record<string, string> = {
  python: "py",
  javascript: "js",
  typescript: "ts",
  markdown: "md",
  shell: "bash",
  dockerfile: "docker",
  cpp: "c",
};

/** speed-highlight's table for a gr.Code language, or null for plain text. */
export function grammarFor(language: string | null): Grammar | null {
  if (language === null) return null;
  const name = language.startsWith("sql") ? "sql" : (aliases[language] ?? language);
  return grammars[name] ?? null;
}

/** The code as lines of highlighted spans: one element per line, so line numbers
 *  (a CSS counter) stay next to their line even when long lines wrap. */
function paint(pre: HTMLElement, text: string, grammar: Grammar | null): number {
  const lines: HTMLElement[] = [h("span", { class: "lite-code-line" })];
  const add = (part: string, type: string | undefined): void => {
    part.split("\n").forEach((piece, i) => {
      if (i > 0) lines.push(h("span", { class: "lite-code-line" }));
      if (piece === "") return;
      const line = lines[lines.length - 1] as HTMLElement;
      line.append(type ? h("span", { class: `shj-syn-${type}` }, piece) : piece);
    });
  };
  if (grammar === null) add(text, undefined);
  else tokenizeWith(text, grammar, (part, type) => add(part, type), { languages: grammars });
  pre.replaceChildren(...lines);
  return lines.length;
}

// File extensions for the download button's file name.
const extensions: Record<string, string> = {
  python: "py",
  javascript: "js",
  typescript: "ts",
  markdown: "md",
  shell: "sh",
  latex: "tex",
  yaml: "yaml",
  dockerfile: "dockerfile",
};

/** The copy and download buttons Gradio puts above the code. */
function toolbar(buttons: string[], language: string | null, text: () => string): HTMLElement | null {
  if (buttons.length === 0) return null;
  const bar = h("div", { class: "lite-code-toolbar" });
  if (buttons.includes("copy")) {
    const copy = h("button", { type: "button", class: "lite-code-button" }, "Copy");
    copy.addEventListener("click", () => {
      void navigator.clipboard?.writeText(text()).then(
        () => (copy.textContent = "Copied"),
        () => (copy.textContent = "Copy failed"),
      );
      setTimeout(() => (copy.textContent = "Copy"), 2000);
    });
    bar.append(copy);
  }
  if (buttons.includes("download")) {
    const download = h("button", { type: "button", class: "lite-code-button" }, "Download");
    download.addEventListener("click", () => {
      const ext = language === null ? "txt" : language.startsWith("sql") ? "sql" : (extensions[language] ?? language);
      const url = URL.createObjectURL(new Blob([text()], { type: "text/plain" }));
      h("a", { href: url, download: `code.${ext}` }).click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    });
    bar.append(download);
  }
  return bar;
}

function editor(config: Config<Props>, b: Block, editable: boolean): Widget {
  const { language, lines, max_lines, wrap_lines, show_line_numbers, buttons } = config.props;
  const grammar = grammarFor(language);
  const pre = h("pre", { class: "lite-code-view", "aria-hidden": "true" });
  const box = h("textarea", {
    id: b.controlId,
    class: "lite-code-input",
    spellcheck: "false",
    autocapitalize: "off",
    autocomplete: "off",
    wrap: wrap_lines ? "soft" : "off",
    readonly: !editable,
  });
  const root = h(
    "div",
    {
      class: `lite-code${wrap_lines ? " lite-code-wrap" : ""}${show_line_numbers ? " lite-code-numbered" : ""}`,
      "data-language": language ?? "plaintext",
    },
    h("div", { class: "lite-code-stack" }, pre, box),
  );
  root.style.setProperty("--lite-code-lines", String(Math.max(1, lines)));
  if (max_lines !== null) root.style.setProperty("--lite-code-max-lines", String(max_lines));
  const bar = toolbar(buttons, language, () => box.value);
  if (bar) b.root.append(bar);
  b.root.append(root);

  const redraw = (): void => {
    const count = paint(pre, box.value, grammar);
    root.style.setProperty("--lite-code-digits", String(String(count).length));
  };
  // No value (None, or after Clear) is sent as null until something is typed, as Gradio's editor does.
  let isNull = false;
  box.addEventListener("input", () => {
    isNull = false;
    redraw();
  });
  if (editable) box.addEventListener("keydown", (event) => indent(box, event));
  return {
    control: box,
    get: () => (isNull ? null : box.value),
    set: (value) => {
      isNull = value === null;
      box.value = toText(value);
      redraw();
    },
    onChange: listen([box], "input"),
  };
}

/** Tab indents by four spaces, as Gradio's editor does; Escape first lets Tab leave. */
let escaped = false;
function indent(box: HTMLTextAreaElement, event: KeyboardEvent): void {
  if (event.key !== "Tab") {
    escaped = event.key === "Escape";
    return;
  }
  if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
  if (escaped) {
    escaped = false;
    return;
  }
  event.preventDefault();
  // execCommand keeps the edit in the textarea's own undo history.
  if (document.execCommand("insertText", false, "    ")) return;
  box.setRangeText("    ", box.selectionStart, box.selectionEnd, "end");
  box.dispatchEvent(new Event("input"));
}

export default defineComponent<Props>({
  css: styles,
  input: (config, b) => editor(config, b, config.interactive),
  output: (config, b) => editor(config, b, config.interactive),
});
