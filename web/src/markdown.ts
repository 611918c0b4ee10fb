// THE one place HTML gets into the DOM. Markdown goes through marked, and all
// HTML (marked's output, or an app's gr.HTML value) through DOMPurify before it
// touches the page. Everything else on the page is set as text.

import createDOMPurify, { type DOMPurify } from "dompurify";
import { Marked } from "marked";

const marked = new Marked({ gfm: true, breaks: false, async: false });

let purifier: DOMPurify | null = null;

/** The sanitiser, made for the window there is at first use (tests bring their own DOM). */
function purify(): DOMPurify {
  if (purifier !== null) return purifier;
  const made = createDOMPurify(globalThis.window);
  // Links in app content open outside the app, and never get to act on the page.
  if (made.isSupported) {
    made.addHook("afterSanitizeAttributes", (node) => {
      if (node.nodeName === "A" && node.hasAttribute("href")) {
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer");
      }
    });
  }
  purifier = made;
  return made;
}

/** Replace `target`'s children with sanitized HTML. */
export function setHtml(target: Element, html: string): void {
  const sanitizer = purify();
  if (!sanitizer.isSupported) {
    // No DOM to sanitize with: show the source rather than risk running it.
    target.textContent = html;
    return;
  }
  // A fragment, not a string, so the sanitized tree is inserted without re-parsing.
  const fragment = sanitizer.sanitize(html, { RETURN_DOM_FRAGMENT: true });
  target.replaceChildren(fragment);
}

/** Render markdown (which may contain HTML) into `target`, sanitized. `breaks`: a single
 *  newline is a line break (GitHub's comment style; Gradio's Chatbot default). */
export function setMarkdown(target: Element, markdown: string, options: { breaks?: boolean } = {}): void {
  setHtml(target, marked.parse(markdown, { async: false, breaks: options.breaks ?? false }));
}
