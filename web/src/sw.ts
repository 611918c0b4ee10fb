// The service worker of a built site (sw.js): after one visit the site opens with the
// network off. `lite build` / `lite gallery` write sw.js as this script preceded by
// `self.LITE_BUILD = {...}`: the build's hash and the files to precache (lite/offline.py).
// A new build therefore changes sw.js byte for byte, which is how the browser finds it.
//
// - install: every file of the build goes into a cache named after the scope and the
//   build hash, all or nothing. If one download fails the install fails, the new cache
//   is dropped, and the working version stays in charge.
// - activate: caches of older builds of this scope are deleted. Other scopes (other
//   apps on the same site) are left alone.
// - fetch: answered from the cache; big app files (lazy_files) are cached on first
//   fetch. Every answer gets COOP/COEP headers, so the page is cross-origin isolated
//   even on hosts that cannot set headers. COEP is `credentialless`, so cross-origin
//   images (in Markdown, say) still load, without cookies.

interface Build {
  version: string;
  /** Paths relative to the scope, precached at install. */
  files: string[];
  /** Paths relative to the scope, cached the first time they are fetched. */
  lazy: string[];
}

// lib "dom" has no service-worker scope; these are the members used.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  LITE_BUILD?: Build;
  registration: ServiceWorkerRegistration;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
}

const sw = globalThis as unknown as ServiceWorkerScope;
const build: Build = sw.LITE_BUILD ?? { version: "none", files: [], lazy: [] };
const scope = sw.registration.scope;
const prefix = `lite:${scope}:`;
const cacheName = `${prefix}${build.version}`;
const lazy = new Set(build.lazy.map((path) => new URL(path, scope).href));

const ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "credentialless",
  "Cross-Origin-Resource-Policy": "same-origin",
};

sw.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache(): Promise<void> {
  const cache = await caches.open(cacheName);
  try {
    // `no-cache`: revalidate with the server, so an HTTP cache never mixes builds.
    await cache.addAll(build.files.map((path) => new Request(new URL(path, scope), { cache: "no-cache" })));
  } catch (err) {
    await caches.delete(cacheName);
    throw err;
  }
}

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(prefix) && name !== cacheName).map((name) => caches.delete(name)),
      );
      await sw.clients.claim();
    })(),
  );
});

// The page's "reload" button (register.ts) moves a waiting new version in.
sw.addEventListener("message", (event) => {
  if (isRecord(event.data) && event.data["type"] === "skip-waiting") void sw.skipWaiting();
});

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope)) return;
  event.respondWith(respond(request));
});

async function respond(request: Request): Promise<Response> {
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") url.search = "";
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  const cache = await caches.open(cacheName);
  const hit = await cache.match(url.href);
  if (hit !== undefined) return isolate(hit);
  const response = await fetch(request);
  if (response.ok && lazy.has(url.href)) await cache.put(url.href, response.clone());
  return isolate(response);
}

function isolate(response: Response): Response {
  if (response.type === "opaque" || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
