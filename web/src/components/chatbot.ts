// Chatbot: the conversation as bubbles, user's on the right. Text parts are Markdown
// through markdown.ts (marked + DOMPurify), or plain text with render_markdown=False.
// File parts arrive as FileData with an object URL (files.ts): images, audio and video
// show inline, other files as a download link. Embedded components are only named.

import { h } from "../dom";
import { isFileData, revokeReceived } from "../files";
import { setMarkdown } from "../markdown";
import type { FileData, Json } from "../protocol";
import styles from "./chatbot.css";
import { outputWidget } from "./widgets";
import { type Config, defineComponent, type Widget } from "./types";
import type { Block } from "../render/block";

export interface Props {
  height: string | null;
  max_height: string | null;
  min_height: string | null;
  resizable: boolean;
  rtl: boolean;
  render_markdown: boolean;
  line_breaks: boolean;
  layout: string;
  placeholder: string | null;
  group_consecutive_messages: boolean;
}

type JsonObject = { [key: string]: Json };

export interface Message {
  role: string;
  content: JsonObject[];
  metadata: JsonObject | null;
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** The page value as messages; a bare string content is taken as one text part. */
export function toMessages(value: Json): Message[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((m) => {
    const content = m["content"];
    const parts = typeof content === "string" ? [{ type: "text", text: content }] : Array.isArray(content) ? content.filter(isObject) : [];
    return { role: String(m["role"] ?? "assistant"), content: parts, metadata: isObject(m["metadata"]) ? m["metadata"] : null };
  });
}

/** Runs of consecutive messages by the same role (one bubble group each). */
export function groupByRole(messages: Message[], group: boolean): Message[][] {
  const groups: Message[][] = [];
  for (const message of messages) {
    const last = groups[groups.length - 1];
    if (group && last?.[0]?.role === message.role) last.push(message);
    else groups.push([message]);
  }
  return groups;
}

function part(item: JsonObject, props: Props): HTMLElement {
  if (item["type"] === "text") {
    const text = String(item["text"] ?? "");
    const body = h("div", { class: "lite-chat-text" });
    if (props.render_markdown) setMarkdown(body, text, { breaks: props.line_breaks });
    else body.textContent = text;
    return body;
  }
  if (item["type"] === "file") return filePart(item);
  return h("div", { class: "lite-chat-file" }, `[${String(item["component"] ?? "component")}]`);
}

/** A file's name for its link: Python sends none for a file given by path (as Gradio). */
export function fileName(file: FileData): string {
  return file.orig_name ?? file.path?.split("/").pop() ?? "file";
}

function filePart(item: JsonObject): HTMLElement {
  const file = item["file"];
  const alt = typeof item["alt_text"] === "string" ? item["alt_text"] : null;
  if (!isFileData(file) || file.url === null) return h("div", { class: "lite-chat-file" }, alt ?? "(file)");
  const name = fileName(file);
  const kind = (file.mime_type ?? "").split("/")[0];
  if (kind === "image") return h("img", { class: "lite-chat-media", src: file.url, alt: alt ?? name });
  if (kind === "audio" || kind === "video") {
    return h(kind, { class: "lite-chat-media", src: file.url, controls: true, "aria-label": alt ?? name });
  }
  return h("a", { class: "lite-chat-file", href: file.url, download: name }, `📎 ${alt ?? name}`);
}

function bubble(message: Message, props: Props): HTMLElement {
  const parts = message.content.map((item) => part(item, props));
  const title = message.metadata?.["title"];
  if (typeof title !== "string") return h("div", { class: "lite-chat-bubble" }, ...parts);
  // A "thought" (metadata.title): collapsible, open while still pending, as in Gradio.
  const done = message.metadata?.["status"] === "done";
  const summary = h("summary", {}, title);
  return h("details", { class: "lite-chat-bubble lite-chat-thought", open: !done }, summary, ...parts);
}

function render(output: HTMLOutputElement, value: Json, props: Props): void {
  const messages = toMessages(value);
  if (messages.length === 0) {
    const empty = h("div", { class: "lite-chat-placeholder" });
    if (props.placeholder !== null) setMarkdown(empty, props.placeholder);
    output.replaceChildren(empty);
    return;
  }
  const groups = groupByRole(messages, props.group_consecutive_messages).map((run) =>
    h(
      "div",
      { class: `lite-chat-row lite-chat-${run[0]?.role === "user" ? "user" : "bot"}`, "data-role": run[0]?.role },
      ...run.map((m) => bubble(m, props)),
    ),
  );
  output.replaceChildren(...groups);
  output.scrollTop = output.scrollHeight;
}

function widget(config: Config<Props>, b: Block): Widget {
  const { props } = config;
  const w = outputWidget(b, "chatbot", (output, value) => render(output, value, props));
  const show = w.set;
  // The object URLs of the files shown before are freed when new messages replace them.
  w.set = (value) => {
    revokeReceived(w.get());
    show(value);
  };
  const style = w.output.style;
  if (props.height !== null) style.height = props.height;
  if (props.max_height !== null) style.maxHeight = props.max_height;
  if (props.min_height !== null) style.minHeight = props.min_height;
  if (props.resizable) style.resize = "vertical";
  if (props.rtl) w.output.dir = "rtl";
  w.output.classList.add(`lite-chat-${props.layout === "panel" ? "panel" : "bubbles"}`);
  return w;
}

export default defineComponent<Props>({
  css: styles,
  // As an input it shows the conversation read-only and sends it back as it came.
  input: widget,
  output: widget,
});
