// Gradio's progress display for a running event: a bar over the outputs with the
// description and the percentage, fed by gr.Progress messages from the worker.

import { h } from "../dom";
import type { ProgressLevel } from "../protocol";

export type ShowProgress = "full" | "minimal" | "hidden";

/** The innermost level's completion (0..1), or null when it has no measure. */
export function fraction(levels: ProgressLevel[]): number | null {
  const last = levels[levels.length - 1];
  if (last === undefined) return null;
  if (last.progress !== null) return Math.max(0, Math.min(1, last.progress));
  if (last.index !== null && last.length) return Math.max(0, Math.min(1, last.index / last.length));
  return null;
}

/** "Counting 2/5 steps", "Halfway": what the bar says besides the percentage. */
export function describe(levels: ProgressLevel[]): string {
  const last = levels[levels.length - 1];
  if (last === undefined) return "";
  const desc = [...levels].reverse().find((level) => level.desc)?.desc ?? "";
  const count =
    last.progress === null && last.index !== null
      ? `${last.index}${last.length ? `/${last.length}` : ""} ${last.unit}`
      : "";
  return [desc, count].filter((part) => part !== "").join(" ");
}

export class EventProgress {
  readonly root: HTMLElement;
  private readonly text: HTMLElement;
  private readonly percent: HTMLElement;
  private readonly track: HTMLElement;
  private readonly fill: HTMLElement;

  constructor(private readonly mode: ShowProgress) {
    this.text = h("span", { class: "lite-progress-text" });
    this.percent = h("span", { class: "lite-progress-percent" });
    this.fill = h("span", { class: "lite-progress-fill" });
    this.track = h(
      "div",
      { class: "lite-progress-track", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100" },
      this.fill,
    );
    this.root = h(
      "div",
      { class: `lite-progress lite-progress-${mode}`, hidden: true },
      h("p", { class: "lite-progress-label" }, this.text, this.percent),
      mode === "full" ? this.track : null,
    );
  }

  update(levels: ProgressLevel[]): void {
    if (this.mode === "hidden") return;
    const done = fraction(levels);
    const text = describe(levels);
    this.text.textContent = text;
    this.percent.textContent = done === null ? "" : `${Math.round(done * 100)}%`;
    this.track.setAttribute("aria-label", text || "Progress");
    if (done === null) {
      this.track.removeAttribute("aria-valuenow");
      this.track.classList.add("lite-progress-unknown");
      this.fill.style.width = "";
    } else {
      this.track.setAttribute("aria-valuenow", String(Math.round(done * 100)));
      this.track.classList.remove("lite-progress-unknown");
      this.fill.style.width = `${done * 100}%`;
    }
    this.root.hidden = levels.length === 0;
  }

  hide(): void {
    this.root.hidden = true;
  }
}
