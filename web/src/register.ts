// Registers the site's service worker (sw.ts) for pages that ask for it: those
// `lite build` and `lite gallery` write carry <gradio-lite offline>. A <gradio-lite>
// embedded in someone else's page registers nothing unless it has that attribute.
//
// First visit: the app boots from the network while the service worker stores the
// build. The page is not reloaded: that would drop a click made on the pre-rendered form
// before Python was ready. It is served by the service worker, and so cross-origin
// isolated (SharedArrayBuffer), from its next load on.
//
// Updates: the browser fetches sw.js on each visit; a new build has a new sw.js, which
// installs in the background. While the page is open, the page offers "a new version
// is ready — reload"; a version that finished downloading during an earlier visit is
// switched to when the page loads. Each switch reloads the page, keeping what was typed
// into the form.

const SAVED = `lite:inputs:${location.pathname}`;
let registered = false;

/** Register the service worker; the app boots meanwhile, from the network the first time. */
export function registerOffline(assetsUrl: string): void {
  if (registered || !("serviceWorker" in navigator) || !location.protocol.startsWith("http")) return;
  registered = true; // one per page, however many apps it holds
  restoreInputs();
  const container = navigator.serviceWorker;
  const controlled = container.controller !== null;
  // Only a page the service worker already served reloads when another version takes
  // over: a first visit keeps running (and is isolated from its next load on).
  if (controlled) container.addEventListener("controllerchange", reloadKeepingInputs);
  container.register(new URL("sw.js", assetsUrl), { updateViaCache: "none" }).then(
    (registration) => {
      if (registration.waiting !== null && controlled) {
        // Downloaded during an earlier visit: use it now.
        registration.waiting.postMessage({ type: "skip-waiting" });
      }
      watch(registration.installing);
      registration.addEventListener("updatefound", () => watch(registration.installing));
    },
    (err: unknown) => console.warn("lite: no offline copy of this site:", err),
  );
}

/** A new version being installed: offered once installed, if an older one serves the page. */
function watch(worker: ServiceWorker | null): void {
  worker?.addEventListener("statechange", () => {
    if (worker.state === "installed" && navigator.serviceWorker.controller !== null) offerReload(worker);
  });
}

let reloading = false;

function reloadKeepingInputs(): void {
  if (reloading) return;
  reloading = true;
  saveInputs();
  location.reload();
}

function offerReload(waiting: ServiceWorker): void {
  if (document.querySelector(".lite-update") !== null) return;
  const bar = document.createElement("div");
  bar.className = "lite-update";
  bar.setAttribute("role", "status");
  bar.style.cssText =
    "position:fixed;left:50%;bottom:1rem;transform:translateX(-50%);z-index:1000;padding:.5rem 1rem;" +
    "border-radius:.5rem;background:#1f2937;color:#fff;font:14px system-ui,sans-serif;box-shadow:0 2px 8px #0004";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Reload";
  button.style.cssText = "margin-left:.75rem;font:inherit;cursor:pointer";
  button.addEventListener("click", () => waiting.postMessage({ type: "skip-waiting" }));
  bar.append("A new version is ready \u2014 ", button);
  document.body.append(bar);
}

/** The form's values, by position among each app's fields (files are not kept). */
function fields(): (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[] {
  return Array.from(
    document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      "gradio-lite input:not([type=file]), gradio-lite textarea, gradio-lite select",
    ),
  );
}

function saveInputs(): void {
  const values = fields().map((field) =>
    field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")
      ? field.checked
      : field.value,
  );
  try {
    sessionStorage.setItem(SAVED, JSON.stringify(values));
  } catch {
    // Storage off: the reload loses the input, nothing else.
  }
}

function restoreInputs(): void {
  let values: unknown;
  try {
    values = JSON.parse(sessionStorage.getItem(SAVED) ?? "null");
    sessionStorage.removeItem(SAVED);
  } catch {
    return;
  }
  if (!Array.isArray(values)) return;
  // Once the app is ready its form is the one Python made; fill it then.
  document.addEventListener(
    "lite-ready",
    () => {
      fields().forEach((field, i) => {
        const value: unknown = values[i];
        if (typeof value === "boolean" && field instanceof HTMLInputElement) field.checked = value;
        else if (typeof value === "string") field.value = value;
        else return;
        field.dispatchEvent(new Event("input", { bubbles: true }));
        field.dispatchEvent(new Event("change", { bubbles: true }));
      });
    },
    { once: true, capture: true },
  );
}
