// Entry point of lite.js: defines <gradio-lite>. Each element runs one app in
// its own module worker. Assets (worker.js, pyodide/) sit beside this script.

import { App } from "./app";
import { keepSharedData } from "./persist";
import { registerOffline } from "./register";
import { type AppSource, fromElement, fromManifest } from "./source";

const assetsUrl = new URL(".", import.meta.url).href;

export class GradioLiteElement extends HTMLElement {
  /** The running app, once connected; its onStateChanged hook can be replaced. */
  app: App | null = null;

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
    keepSharedData(this);
    this.app = new App(this, source, assetsUrl);
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
