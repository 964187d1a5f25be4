// Deskfront's service worker. The server fills in the release and the list of files below
// (server/src/release.rs), so each release is a new worker with its own cache.
//
// What it does:
// - On install, stores this release's js, wasm and css (under /pkg/r/<release>/, URLs that
//   never change) and the offline shell in the cache "deskfront-shell-<release>".
// - On activate, deletes every other release's cache and takes over open pages at once. A page
//   rendered by the old release keeps running the code it already loaded; a page rendered by
//   the new release names only new URLs, so no cache can hand it old wasm.
// - Pages: from the network; if the network fails or is too slow, the offline shell, which
//   renders the requested route in the browser from the snapshots kept in IndexedDB.
// - Everything else (server functions, uploads, attachments) goes to the network untouched:
//   unsent submissions wait in the app's outbox, not here.
const RELEASE = "__RELEASE__";
const CACHE = `deskfront-shell-${RELEASE}`;
const PRECACHE = "__PRECACHE__";
// A shop floor's Wi-Fi can hang rather than fail; after this long the shell is better than a
// blank screen.
const PAGE_TIMEOUT_MS = 6000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `no-cache`: the browser's HTTP cache must not hand back an older shell.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "no-cache" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("deskfront-shell-") && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (PRECACHE.includes(url.pathname) || url.pathname.startsWith("/pkg/r/")) {
    event.respondWith(cacheFirst(request));
  }
});

async function page(request) {
  try {
    const response = await withTimeout(fetch(request), PAGE_TIMEOUT_MS);
    // A proxy in front of a stopped server answers 502-504: the shell serves better.
    if (response.status < 502 || response.status > 504) return response;
  } catch (_) {
    // offline, refused or timed out: fall through to the shell
  }
  const shell = await caches.match("/offline-shell", { cacheName: CACHE });
  return shell || Response.error();
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // Only this release's own files go in its cache; another release's are passed through.
  const url = new URL(request.url);
  const ours = PRECACHE.includes(url.pathname) || url.pathname.startsWith(`/pkg/r/${RELEASE}/`);
  if (response.ok && ours) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
