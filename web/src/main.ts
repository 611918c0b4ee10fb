// Entry point of lite.js: defines <gradio-lite>. Each element runs one app in
// its own module worker. Assets (worker.js, pyodide/) sit beside this script.

import { type PredictResult, predictInputs } from "./api";
import { App } from "./app";
import type { AppConfig } from "./protocol";
import type { SharedData } from "./shareddata";
import { registerOffline } from "./register";
import { type AppSource, fromElement, fromManifest } from "./source";

const assetsUrl = new URL(".", import.meta.url).href;

export class GradioLiteElement extends HTMLElement {
  /** The running app, once connected; its onStateChanged hook can be replaced. */
  app: App | null = null;

  /** JS API: resolves with the app's config when Python is ready, rejects with the boot error. */
  readonly ready: Promise<AppConfig>;
  private started!: (app: App) => void;

  constructor() {
    super();
    this.ready = new Promise<App>((resolve) => (this.started = resolve)).then((app) => app.whenReady);
    this.ready.catch(() => undefined); // unawaited, a boot error is shown in the page only
  }

  /** The app's components and endpoint, once known (pre-rendered or booted). */
  get config(): AppConfig | null {
    return this.app?.currentConfig ?? null;
  }

  /**
   * JS API, shaped like `@gradio/client`'s: `predict([v1, v2])`, `predict({Label: v})` or
   * `predict("/api_name", ...)`. Runs the function with this page's session state and
   * resolves with `{data}`, the outputs as JSON; the form is left alone. Rejects with a
   * LiteError (name: the exception's class) when the function raises.
   */
  async predict(...args: unknown[]): Promise<PredictResult> {
    const config = await this.ready;
    const app = this.app;
    if (app === null) throw new Error("The app is not running.");
    return app.predict(predictInputs(config, args));
  }

  /** Export, import and reset of the app's shared data (README: "Shared data"). */
  get sharedData(): SharedData | null {
    return this.app?.sharedData ?? null;
  }

  connectedCallback(): void {
    if (this.app !== null) return; // moved in the DOM: keep the running app
    if (document.readyState === "loading") {
      // Inline code may not be parsed yet; read it when the document is complete.
      document.addEventListener("DOMContentLoaded", () => this.start(), { once: true });
    } else {
      this.start();
    }
  }

  private start(): void {
    if (this.app !== null) return;
    // Read inline content before App replaces the element's children.
    const source = this.source();
    // Only pages that opt in (lite build and lite gallery write the attribute).
    if (this.hasAttribute("offline")) registerOffline(assetsUrl);
    this.app = new App(this, source, assetsUrl);
    this.started(this.app);
  }

  private source(): Promise<AppSource> {
    const stateKey = this.getAttribute("state-key");
    // Inline apps are told apart by their place on the page (or their id).
    const index = Array.from(document.querySelectorAll("gradio-lite")).indexOf(this);
    const inlineId = `${location.pathname}#${this.id || String(index)}`;
    const withKey = (s: AppSource): AppSource => ({
      ...s,
      state_key: stateKey ?? s.state_key,
      app_id: s.app_id || inlineId,
    });
    const manifest = this.getAttribute("manifest");
    if (manifest !== null) {
      const url = new URL(manifest, document.baseURI).href;
      return fetchJson(url).then((json) => withKey(fromManifest(json, url)));
    }
    try {
      return Promise.resolve(withKey(fromElement(this, document.baseURI)));
    } catch (err) {
      return Promise.reject(err);
    }
  }
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}`);
  return response.json();
}

if (!customElements.get("gradio-lite")) customElements.define("gradio-lite", GradioLiteElement);
