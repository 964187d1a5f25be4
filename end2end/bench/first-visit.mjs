// A cold first visit to each page a person can land on from a link, as a phone sees it: Debian's
// Chromium with a 360-pixel-wide viewport, a fresh profile per page (empty cache, no service
// worker yet), signed in by the session cookie where the page needs it. Called by
// scripts/bench.sh; prints one line per page:
//   first-visit name=<name> path=<path> load_bytes=<n> load_requests=<n> idle_bytes=<n> idle_requests=<n>
// load_* is what went over the wire by the load event; idle_* what was fetched after it until the
// network had been quiet for IDLE_MS (what the device fetches for offline use: snapshots, other
// pages' modules), the service worker's own fetches included.
//
// Bytes are Chromium's encodedDataLength (headers plus the body as sent, compressed), from the
// DevTools protocol of the page and of its service worker, which fetches on its own target.
//
// A `~tag` at the end asks for that language, as a phone set to it would (Accept-Language).
//
// Usage: node bench/first-visit.mjs BASE_URL COOKIE name=/path[@signed-out][~de-DE] ...
import { chromium } from "@playwright/test";

const [base, cookie, ...specs] = process.argv.slice(2);
if (!specs.length) {
  console.error("usage: first-visit.mjs BASE_URL COOKIE name=/path[@signed-out][~de-DE] ...");
  process.exit(2);
}
// Quiet for this long after load means the device has fetched what it wanted.
const IDLE_MS = Number(process.env.FIRST_VISIT_IDLE_MS ?? "3000");
// A page that keeps the network busy longer than this is reported as it stands then.
const MAX_AFTER_LOAD_MS = Number(process.env.FIRST_VISIT_MAX_MS ?? "60000");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

const [name0, value0] = cookie.split(/=(.*)/s);

async function visit(name, path, signedIn, locale) {
  const context = await browser.newContext({
    locale,
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  if (signedIn) await context.addCookies([{ name: name0, value: value0, url: base }]);
  const page = await context.newPage();

  // One record per request id and target; `phase` is set when it finishes.
  const requests = new Map();
  let loaded = false;
  let lastActivity = Date.now();
  const watch = async (session, target) => {
    session.on("Network.requestWillBeSent", (e) => {
      lastActivity = Date.now();
      // A redirect reuses the request id: the hop before it counts as finished.
      requests.set(`${target}:${e.requestId}`, { url: e.request.url, done: false, bytes: 0, phase: null });
    });
    session.on("Network.responseReceived", (e) => {
      const r = requests.get(`${target}:${e.requestId}`);
      // A response the page got from its service worker was fetched (and counted) there.
      if (r && e.response.fromServiceWorker) r.fromWorker = true;
    });
    const finish = (e, bytes) => {
      lastActivity = Date.now();
      const r = requests.get(`${target}:${e.requestId}`);
      if (!r || r.done) return;
      r.done = true;
      r.bytes = r.fromWorker ? 0 : bytes;
      r.phase = loaded ? "idle" : "load";
    };
    session.on("Network.loadingFinished", (e) => finish(e, e.encodedDataLength));
    session.on("Network.loadingFailed", (e) => finish(e, 0));
    await session.send("Network.enable");
  };

  const pageSession = await context.newCDPSession(page);
  await watch(pageSession, "page");
  // The load event comes through the same session as the page's network events, in order, so a
  // request finished before it belongs to the load.
  pageSession.on("Page.loadEventFired", () => {
    loaded = true;
    lastActivity = Date.now();
  });
  await pageSession.send("Page.enable");
  // The service worker fetches (its precache) on a target of its own, which a page's protocol
  // session does not see; Playwright reports them on the context, with Chromium's sizes.
  const pending = [];
  context.on("request", (r) => {
    if (!r.serviceWorker()) return;
    lastActivity = Date.now();
    requests.set(r, { url: r.url(), done: false, bytes: 0, phase: null, worker: true });
  });
  const workerDone = (r, failed) => {
    const rec = requests.get(r);
    if (!rec || rec.done) return;
    lastActivity = Date.now();
    rec.phase = loaded ? "idle" : "load";
    if (failed) {
      rec.done = true;
      return;
    }
    pending.push(
      r
        .sizes()
        .then((s) => (rec.bytes = s.responseHeadersSize + s.responseBodySize))
        .catch(() => {})
        .finally(() => (rec.done = true)),
    );
  };
  context.on("requestfinished", (r) => workerDone(r, false));
  context.on("requestfailed", (r) => workerDone(r, true));

  const response = await page.goto(`${base}${path}`, { waitUntil: "load", timeout: 60_000 });
  if (!response || response.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
  if (signedIn && new URL(page.url()).pathname === "/login") throw new Error(`${path}: sent to sign-in`);

  const start = Date.now();
  for (;;) {
    await page.waitForTimeout(250);
    const busy = [...requests.values()].some((r) => !r.done);
    if (!busy && Date.now() - lastActivity >= IDLE_MS) break;
    if (Date.now() - start > MAX_AFTER_LOAD_MS) break;
  }
  await Promise.all(pending);
  const sum = (phase) => {
    const rs = [...requests.values()].filter((r) => r.phase === phase);
    return [rs.reduce((s, r) => s + r.bytes, 0), rs.length];
  };
  const [loadBytes, loadRequests] = sum("load");
  const [idleBytes, idleRequests] = sum("idle");
  console.log(
    `first-visit name=${name} path=${path} load_bytes=${loadBytes} load_requests=${loadRequests} ` +
      `idle_bytes=${idleBytes} idle_requests=${idleRequests}`,
  );
  // Every request, for whoever digs into a figure (the benchmark saves this).
  console.error(`${name} ${path}`);
  for (const r of requests.values()) {
    const where = r.worker ? "worker" : r.fromWorker ? "page, from worker" : "page";
    console.error(`  ${(r.phase ?? "unfinished").padEnd(10)} ${String(r.bytes).padStart(8)}  ${where.padEnd(17)} ${r.url}`);
  }
  await context.close();
}

for (const spec of specs) {
  const [name, wanted] = spec.split(/=(.*)/s);
  const [rest, locale = "en-US"] = wanted.split("~");
  const signedIn = !rest.endsWith("@signed-out");
  await visit(name, rest.replace(/@signed-out$/, ""), signedIn, locale);
}
await browser.close();
