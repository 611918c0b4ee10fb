// What the user sees besides the form: boot progress, the boot error box, an
// event's error panel, toasts and the shared-data notice.

import { h } from "../dom";
import type { ErrorInfo, Toast } from "../protocol";

const STEPS: ReadonlyArray<readonly [step: string, text: string]> = [
  ["runtime", "Starting Python"],
  ["packages", "Installing packages"],
  ["app", "Starting the app"],
];

/** A list of named steps; the current one has aria-current="step", earlier ones are done. */
export class BootProgress {
  readonly root: HTMLElement;
  private readonly items = new Map<string, HTMLLIElement>();
  private readonly status: HTMLElement;

  constructor() {
    const list = h("ol", { class: "lite-steps" });
    for (const [step, text] of STEPS) {
      const item = h("li", { "data-step": step }, text);
      this.items.set(step, item);
      list.append(item);
    }
    this.status = h("p", { class: "lite-boot-status", role: "status" }, "Loading…");
    this.root = h("div", { class: "lite-boot", "aria-busy": "true" }, list, this.status);
  }

  update(step: string, text: string): void {
    this.status.textContent = text;
    const current = this.items.get(step);
    if (current === undefined) return;
    let done = true;
    for (const item of this.items.values()) {
      if (item === current) {
        done = false;
        item.setAttribute("aria-current", "step");
        item.classList.remove("lite-done");
        continue;
      }
      item.removeAttribute("aria-current");
      item.classList.toggle("lite-done", done);
    }
  }
}

/** Replaces the whole app when it cannot start: never a blank screen, never console-only. */
export function bootErrorBox(error: ErrorInfo): HTMLElement {
  return h(
    "div",
    { class: "lite-boot-error", role: "alert" },
    h("h2", {}, "The app could not start"),
    h("p", { class: "lite-error-head" }, headline(error)),
    error.traceback ? h("pre", { class: "lite-traceback" }, error.traceback) : null,
  );
}

/** An event's failure, shown next to the outputs; the app keeps working. */
export function errorPanel(error: ErrorInfo, dismiss: () => void): HTMLElement {
  const isError = error.kind === "error";
  // The alert holds only the error, so its text is exactly what went wrong.
  const alert = h(
    "div",
    { role: "alert" },
    h("p", { class: "lite-error-title" }, isError ? "Error" : headline(error)),
    isError ? h("p", { class: "lite-error-message" }, error.message) : null,
    !isError && error.traceback
      ? h(
          "details",
          {},
          h("summary", {}, "Traceback"),
          h("pre", { class: "lite-traceback" }, error.traceback),
        )
      : null,
  );
  return h("div", { class: "lite-error-panel" }, alert, dismissButton(dismiss));
}

/** "×" for the eye, "Dismiss" for screen readers; no aria-label, so get_by_label never sees it. */
function dismissButton(onClick: () => void): HTMLButtonElement {
  const button = h(
    "button",
    { type: "button", class: "lite-dismiss" },
    h("span", { "aria-hidden": "true" }, "×"),
    h("span", { class: "lite-sr-only" }, "Dismiss"),
  );
  button.addEventListener("click", onClick);
  return button;
}

function headline(error: ErrorInfo): string {
  return error.message ? `${error.type}: ${error.message}` : error.type;
}

/** A fixed corner region for toasts (gr.Info, gr.Warning) and notices. */
export class Toasts {
  readonly root: HTMLElement;

  constructor() {
    this.root = h("div", { class: "lite-toasts", role: "status", "aria-live": "polite" });
  }

  /** A toast from the app (gr.Info, gr.Warning) or a runtime notice (which may be an error). */
  show(toast: Omit<Toast, "level"> & { level: Toast["level"] | "error" }): void {
    const title = toast.title ?? (toast.level === "warning" ? "Warning" : "Info");
    this.add(`lite-toast lite-toast-${toast.level}`, title, toast.message, toast.duration);
  }

  private lastNotice: { text: string; toast: HTMLElement; timer: number | undefined } | null = null;

  /**
   * A small unobtrusive note that goes away by itself; a new one replaces the last. The
   * same note again only restarts its clock: a burst of changes in another tab must not
   * rebuild (and have screen readers announce) it hundreds of times.
   */
  notice(text: string, seconds = 4): void {
    const last = this.lastNotice;
    if (last?.text === text && last.toast.isConnected) {
      clearTimeout(last.timer);
      last.timer = this.expire(last.toast, seconds);
      return;
    }
    last?.toast.remove();
    const toast = this.add("lite-toast lite-notice", null, text, null);
    this.lastNotice = { text, toast, timer: this.expire(toast, seconds) };
  }

  private expire(toast: HTMLElement, seconds: number | null): number | undefined {
    return seconds !== null && seconds > 0 ? window.setTimeout(() => toast.remove(), seconds * 1000) : undefined;
  }

  private add(cls: string, title: string | null, message: string, seconds: number | null): HTMLElement {
    const toast = h(
      "div",
      { class: cls },
      title === null ? null : h("p", { class: "lite-toast-title" }, title),
      h("p", { class: "lite-toast-message" }, message),
      dismissButton(() => toast.remove()),
    );
    this.expire(toast, seconds);
    this.root.append(toast);
    return toast;
  }
}
