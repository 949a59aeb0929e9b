// @ts-check
/// <reference lib="webworker" />
// The lab's service worker: after the first visit everything (app, emulator, machine image,
// snapshot, editor) comes from one versioned cache, so the lab works with no network. A new
// build installs beside the old one and takes over only when the page says so — never a page
// running old code with new assets.
/** @type {ServiceWorkerGlobalScope} */
// In a checked JS file `self` is typed as Window; this file only ever runs as a service worker.
const sw = /** @type {any} */ (self);
const VERSION = "__VERSION__";
/** @type {string[]} */
const FILES = __FILES__;
const CACHE = `container-lab-${VERSION}`;
const scope = new URL(sw.registration.scope);

sw.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache.addAll(FILES.map((file) => new Request(new URL(file, scope), { cache: "no-cache" }))),
      ),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("container-lab-") && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") void sw.skipWaiting();
});

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = request.mode === "navigate" ? "index.html" : url.pathname.slice(scope.pathname.length);
  if (!FILES.includes(path)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(new URL(path, scope)))
      // A fresh Response has no URL of its own, so a worker started from it keeps the URL it
      // was asked for, query string included (the emulator worker reads its own location).
      .then((cached) => (cached ? new Response(cached.body, cached) : fetch(request))),
  );
});
