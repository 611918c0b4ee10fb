"""The JavaScript that measures inside the page, and the bare-Pyodide page.

Every time is taken by the page itself (performance.now(), relative to the page's own
navigation start, or performance.timeOrigin + performance.now() where two pages are
compared); Python only starts things and collects the numbers afterwards.
"""

from __future__ import annotations

from pathlib import Path

BARE_PAGE = "bare.html"
BARE_WORKER = "bare-worker.mjs"

# The floor: the same vendored Pyodide booted in a module worker, nothing else.
_BARE_HTML = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bare Pyodide</title></head>
<body>
<script type="module">
const worker = new Worker("bare-worker.mjs", { type: "module" });
worker.onmessage = (event) => {
  const marks = window.__bench.marks;
  marks.bare = performance.now();
  marks.workerLoad = event.data.took;
  if (!event.data.ok) marks.error = marks.bare;
  window.__bench.finish(event.data.error || null);
};
</script>
</body>
</html>
"""

_BARE_WORKER_JS = """import { loadPyodide } from "./pyodide/pyodide.mjs";
const start = performance.now();
try {
  await loadPyodide({ indexURL: new URL("./pyodide/", import.meta.url).href });
  postMessage({ ok: true, took: performance.now() - start });
} catch (error) {
  postMessage({ ok: false, took: performance.now() - start, error: String(error) });
}
"""


def write_bare_page(site: Path) -> None:
    """Put the bare page next to a built site, so it boots that site's pyodide/ folder."""
    (site / BARE_PAGE).write_text(_BARE_HTML, "utf-8")
    (site / BARE_WORKER).write_text(_BARE_WORKER_JS, "utf-8")


# Installed before any page script (context.add_init_script). It watches the document
# from the start and records, relative to navigation: when the Submit button first
# exists ("ui"), when data-status becomes ready, and each boot-progress line. At ready
# it fills the textboxes and clicks Submit itself, and records when the output shows
# the answer ("event"). Bare pages call __bench.finish() themselves.
BOOT_SCRIPT = """
(() => {
  const marks = {};
  const steps = [];
  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  window.__bench = { marks, steps, done, finish: (error) => finish(error) };
  let lastStep = null;

  function answer(app) {
    // Only the textboxes: a slider's number box is a text input too.
    const textboxes = "form [data-component=textbox] :is(input, textarea)";
    for (const field of app.querySelectorAll(textboxes)) {
      field.value = "World";
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
    const output = app.querySelector("output");
    const before = output.textContent;
    const observer = new MutationObserver(() => {
      if (output.textContent !== before && output.textContent.includes("World")) {
        marks.event = performance.now();
        observer.disconnect();
        finish(null);
      }
    });
    observer.observe(output, { subtree: true, childList: true, characterData: true });
    marks.click = performance.now();
    app.querySelector("[type=submit]").click();
  }

  function check() {
    const app = document.querySelector("gradio-lite");
    if (app === null) return;
    const t = performance.now();
    const step = app.querySelector(".lite-boot-status")?.textContent ?? null;
    if (step !== null && step !== lastStep) {
      steps.push([t, step]);
      lastStep = step;
    }
    if (marks.ui === undefined && app.querySelector("[type=submit]")) marks.ui = t;
    const status = app.dataset.status;
    if (status === "error" && marks.error === undefined) {
      marks.error = t;
      finish(app.textContent.slice(0, 500));
    } else if (status === "ready" && marks.ready === undefined) {
      marks.ready = t;
      answer(app);
    }
  }

  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"],
  });
})();
"""

# Resolves with the boot marks, or rejects when the page does not finish in time.
BOOT_RESULT = """
async (timeoutMs) => {
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error("no answer in " + timeoutMs + " ms")), timeoutMs));
  const error = await Promise.race([window.__bench.done, timeout]);
  return { error, marks: window.__bench.marks, steps: window.__bench.steps };
}
"""

# Runs one event per value, one after another: set the input (if the value is not null),
# click Submit, and wait until the output's text differs from before and contains the
# expected marker (if any). Works on lite's <output> and on Gradio's DOM alike: a
# MutationObserver sees DOM changes, and a hook on the element's own `value` property
# sees frameworks that set a textarea's value (which no observer can see).
# Returns absolute start (click) and end (answer) times, so pages can be compared.
RUN_EVENTS = """
async ({ input, output, submit, values, expect, timeoutMs }) => {
  const isField = output instanceof HTMLTextAreaElement || output instanceof HTMLInputElement;
  const text = () => (isField ? output.value : output.textContent);
  let notify = () => {};
  const observer = new MutationObserver(() => notify(performance.now()));
  observer.observe(output, {
    subtree: true, childList: true, characterData: true, attributes: true,
  });
  if (isField) {
    const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(output), "value");
    Object.defineProperty(output, "value", {
      configurable: true,
      get() { return own.get.call(this); },
      set(v) { own.set.call(this, v); notify(performance.now()); },
    });
  }
  const setInput = (value) => {
    const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), "value");
    own.set.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const origin = performance.timeOrigin;
  const start = [];
  const end = [];
  try {
    for (let i = 0; i < values.length; i++) {
      const before = text();
      if (values[i] !== null) setInput(values[i]);
      const want = expect[i];
      const answered = new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          notify = () => {};
          reject(new Error(`no answer in ${timeoutMs} ms; output: ${text().slice(0, 200)}`));
        }, timeoutMs);
        notify = (t) => {
          const now = text();
          if (now !== before && (want === null || now.includes(want))) {
            clearTimeout(timer);
            notify = () => {};
            resolve(t);
          }
        };
      });
      const t0 = performance.now();
      submit.click();
      const t1 = await answered;
      start.push(origin + t0);
      end.push(origin + t1);
      // Let the rest of the answering task finish before the next click.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    observer.disconnect();
    if (isField) delete output.value;
  }
  return { start, end };
}
"""

# Four tabs at once: each fires all its clicks in one go (element.click(), since
# Playwright's click waits for animation frames a background tab never gets), and
# records when its output is no longer busy. The promise is kept on window, so the
# harness can start every tab before waiting for any.
START_BURST = """
({ output, submit, n, timeoutMs }) => {
  const busy = () => output.getAttribute("aria-busy") === "true";
  window.__burst = new Promise((resolve, reject) => {
    const start = performance.timeOrigin + performance.now();
    const timer = setTimeout(() => reject(new Error("burst not done in " + timeoutMs + " ms")),
      timeoutMs);
    const observer = new MutationObserver(() => {
      if (busy()) return;
      clearTimeout(timer);
      observer.disconnect();
      const end = performance.timeOrigin + performance.now();
      resolve({ start, end, value: output.textContent });
    });
    observer.observe(output, { attributes: true, attributeFilter: ["aria-busy"] });
    for (let i = 0; i < n; i++) submit.click();
  });
}
"""
BURST_RESULT = "() => window.__burst"

# Tab B: records the absolute arrival time of each lite-state-changed notice.
LISTEN_NOTICES = """
() => {
  const notices = [];
  const waiters = [];
  window.__notices = notices;
  window.__nextNotice = (count, timeoutMs) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no notice in " + timeoutMs + " ms")),
      timeoutMs);
    const check = () => {
      if (notices.length > count) {
        clearTimeout(timer);
        resolve(notices[count]);
      } else {
        waiters.push(check);
      }
    };
    check();
  });
  document.querySelector("gradio-lite").addEventListener("lite-state-changed", () => {
    notices.push(performance.timeOrigin + performance.now());
    for (const waiter of waiters.splice(0)) waiter();
  });
}
"""
NOTICE_COUNT = "() => window.__notices.length"
NEXT_NOTICE = "([count, timeoutMs]) => window.__nextNotice(count, timeoutMs)"

# Run in the app's worker as soon as it exists (well before Pyodide has even fetched its
# wasm): keeps every WebAssembly.Memory the worker creates or instantiates, so the wasm
# memory can be read later without any hook in the product.
WASM_MEMORY_HOOK = """
() => {
  const memories = (self.__benchMemories = []);
  const keep = (result) => {
    const instance = result.instance ?? result;
    for (const value of Object.values(instance.exports ?? {})) {
      if (value instanceof WebAssembly.Memory) memories.push(value);
    }
    return result;
  };
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
  }
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
    construct: (target, args) => keep(new target(...args)),
  });
  WebAssembly.Memory = new Proxy(WebAssembly.Memory, {
    construct: (target, args) => {
      const memory = new target(...args);
      memories.push(memory);
      return memory;
    },
  });
}
"""
WASM_MEMORY = "() => (self.__benchMemories || []).map((memory) => memory.buffer.byteLength)"
