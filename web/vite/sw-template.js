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
/**
 * The lazy filesystem's files (named by content hash): cached when the guest first reads one, or
 * all of them when the page asks (PRECACHE_LAZY, once the prompt is up), not at install.
 * @type {string[]}
 */
const LAZY = __LAZY__;
const CACHE = `container-lab-${VERSION}`;
const scope = new URL(sw.registration.scope);

sw.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache
          .addAll(FILES.map((file) => new Request(new URL(file, scope), { cache: "no-cache" })))
          .then(() => adoptLazyFiles(cache)),
      ),
  );
});

/**
 * A lazy file's name is its content's hash, so one cached by an older build is the same file:
 * it moves into the new cache instead of being downloaded again.
 * @param {Cache} cache
 */
async function adoptLazyFiles(cache) {
  const older = (await caches.keys()).filter((k) => k.startsWith("container-lab-") && k !== CACHE);
  for (const name of older) {
    const old = await caches.open(name);
    for (const file of LAZY) {
      const url = new URL(file, scope);
      const hit = await old.match(url);
      if (hit && !(await cache.match(url))) await cache.put(url, hit);
    }
  }
}

/**
 * The lazy file from the cache, or from the network into the cache.
 * @param {string} file
 */
async function lazyFile(file) {
  const cache = await caches.open(CACHE);
  const url = new URL(file, scope);
  const hit = await cache.match(url);
  if (hit) return hit;
  const response = await fetch(url);
  if (response.ok) await cache.put(url, response.clone());
  return response;
}

/** Caches every lazy file not cached yet, one at a time (the emulator's own reads go first). */
async function precacheLazy() {
  const cache = await caches.open(CACHE);
  let bytes = 0;
  for (const file of LAZY) {
    const url = new URL(file, scope);
    if (await cache.match(url)) continue;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    bytes += Number(response.headers.get("content-length") ?? 0);
    await cache.put(url, response);
  }
  return { files: LAZY.length, bytes };
}

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
  if (event.data && event.data.type === "PRECACHE_LAZY") {
    const source = event.source;
    event.waitUntil(
      precacheLazy().then(
        (done) => source && source.postMessage({ type: "LAZY_CACHED", ...done }),
        (error) => source && source.postMessage({ type: "LAZY_FAILED", message: String(error) }),
      ),
    );
  }
});

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = request.mode === "navigate" ? "index.html" : url.pathname.slice(scope.pathname.length);
  if (LAZY.includes(path)) {
    event.respondWith(lazyFile(path));
    return;
  }
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
