import { expect, Page } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEMO_PASSWORD } from "../playwright.config";
import { AHMED, hydrated, RITA, SAM, sameOrigin, scheduledChange, signIn, signOut, test as guarded } from "./helpers";
import {
  cacheKeys,
  comeBack,
  expectSent,
  fillFault,
  localIndexReady,
  goOffline,
  marker,
  openFaultForm,
  outboxItem,
  outboxSettled,
  releaseOf,
  SAVED_TEXT,
  savedKey,
  sendNowIfWaiting,
  serviceWorkerInControl,
  submitOffline,
  visitOnce,
} from "./offline-pages";
import {
  attachmentCountForKey,
  attachmentsForKey,
  copySite,
  defaultSiteRoot,
  disposeAllServers,
  FaultyProxy,
  imageSize,
  makeNewRelease,
  makePhotoPng,
  OfflineServer,
  quote,
  runningServers,
  ticketCount,
  ticketsForKey,
} from "./offline-server";

// Issue 5: the portal opens, browses, searches and submits without a network, exactly once.
//
// Every test runs its own release server (offline-server.ts) on its own port and database, so it
// can take the network away for real: the browser's offline emulation (which may not reach the
// service worker) and a killed server. Some go through a proxy that can lose a response.

const proxies: FaultyProxy[] = [];

async function startProxy(port: number, server: OfflineServer): Promise<FaultyProxy> {
  const proxy = await FaultyProxy.start(port, server.port);
  proxies.push(proxy);
  return proxy;
}

/**
 * The helpers' crash guard covers the first page; this one covers every other page of the
 * context, keeps the browser's console errors and the servers' logs for a failing test's report,
 * and stops the servers and proxies the test started.
 */
const test = guarded.extend<{ offlineGuard: void }>({
  offlineGuard: [
    async ({ context, page }, use, testInfo) => {
      const crashes: string[] = [];
      const console: string[] = [];
      const listen = (p: Page, guard: boolean) => {
        if (guard) p.on("pageerror", (e) => crashes.push(`${p.url()}: ${e.message}`));
        p.on("console", (m) => {
          if (m.type() === "error" || m.type() === "warning") console.push(`[${m.type()}] ${p.url()}: ${m.text()}`);
        });
      };
      listen(page, false);
      context.on("page", (p) => listen(p, true));
      try {
        await use();
      } finally {
        if (testInfo.status !== testInfo.expectedStatus) {
          await testInfo.attach("browser console", { body: console.join("\n") || "(nothing)", contentType: "text/plain" });
          for (const server of runningServers()) {
            await testInfo.attach(`server ${server.name} log`, { body: server.logTail(200) || "(nothing)", contentType: "text/plain" });
          }
          for (const proxy of proxies) {
            const seen = proxy.submits.map((s) => `${s.outcome} ${s.status ?? "-"} ${s.body.slice(0, 300)}`);
            await testInfo.attach(`proxy :${proxy.port} submits`, { body: seen.join("\n") || "(none)", contentType: "text/plain" });
          }
        }
        await Promise.all(proxies.splice(0).map((p) => p.close()));
        await disposeAllServers();
      }
      expect(crashes, "another page of the test threw (see the messages)").toEqual([]);
    },
    { auto: true },
  ],
});

test.describe.configure({ timeout: 180_000 });

test.describe("visit once, then without a network", () => {
  const port = 3121;
  test.use({ baseURL: `http://127.0.0.1:${port}` });

  test("the shell, the catalog, search, an article and an unvisited form render offline", async ({ page, context }) => {
    const server = await OfflineServer.start({ port });
    // A change planned in Sam's store this week: his device keeps it for the home page. The
    // desk signs in without opening the catalog, whose device work would build (and keep for a
    // minute) a snapshot from before the change.
    await page.goto("/login");
    const login = await page.request.post("/api/login", {
      headers: sameOrigin(page),
      form: { email: AHMED.email, password: DEMO_PASSWORD },
    });
    expect(login.ok()).toBeTruthy();
    const soon = new Date(Date.now() + 2 * 86400_000);
    soon.setUTCHours(4, 0, 0, 0);
    const planned = await scheduledChange(page, "Till software 7.2 at Leeds", "S012", "S012-REG-01", soon);
    await visitOnce(page);
    // Installable, and the state is announced to screen readers.
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    const status = page.getByTestId("sync-status");
    await expect(status).toHaveAttribute("role", "status");
    await expect(status).toHaveAttribute("aria-live", "polite");
    await expect(status.getByTestId("connection")).toHaveText("Online");
    await expect(page.getByTestId("unsent-count")).toHaveAttribute("data-count", "0");

    await localIndexReady(page);

    await goOffline(context, server);
    await page.reload();
    await expect(page.getByTestId("item-card").first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("offline-banner")).toContainText("Offline — catalog as of");
    await expect(page.getByTestId("connection")).toHaveText("Offline");
    await expect(page.getByTestId("planned-changes").locator(`[data-number=${planned}]`)).toContainText("Till software 7.2");

    // Knowledge search over the copy on this device, opened cold (the page loads offline).
    // Soft: the article and the form below are checked even if search fails.
    await page.goto("/search?q=printer");
    const results = page.getByTestId("search-result");
    await expect(results.first(), "results for a search page opened offline").toBeVisible({ timeout: 30_000 });
    if ((await results.count()) > 0) {
      const article = results.locator('a[href^="/kb/"]').first();
      const href = (await article.getAttribute("href"))!;
      await article.click();
      await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
      await expect(page.getByTestId("article")).toBeVisible({ timeout: 30_000 });
    }
    await page.goto("/kb/receipt-printer-not-printing");
    await expect(page.getByTestId("article")).toBeVisible({ timeout: 30_000 });

    // The search box in the header, on a page already running offline.
    await page.getByTestId("site-search").fill("printer");
    await page.getByTestId("site-search").press("Enter");
    await expect(page).toHaveURL(/\/search\?q=printer/);
    await expect(page.getByTestId("search-result").first(), "results from the header's search box offline").toBeVisible({ timeout: 30_000 });

    // A form never opened before, from the snapshot.
    await page.goto("/catalog/pos-terminal-fault");
    await expect(page.getByTestId("submit")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("field-symptom")).toBeVisible();
    await expect(page.getByTestId("field-description").locator("textarea")).toBeVisible();
    await expect(page.getByTestId("offline-banner")).toContainText("Offline — catalog as of");
  });
});

test.describe("a fault with a photo, submitted offline", () => {
  const port = 3122;
  test.use({ baseURL: `http://127.0.0.1:${port}` });

  test("waits on the device, then is sent exactly once with its photo, downscaled", async ({ page, context }) => {
    const server = await OfflineServer.start({ port });
    const photo = makePhotoPng(3000, 2000);
    const description = `Till frozen on the payment screen ${marker("photo")}`;
    await visitOnce(page);
    await goOffline(context, server);

    await openFaultForm(page);
    await fillFault(page, description);
    await page.getByLabel("Photo of the screen").setInputFiles({ name: "till.png", mimeType: "image/png", buffer: photo });
    await expect(page.getByTestId("field-photo")).toContainText(/Kept on this device: till\.(png|jpe?g|webp)/);
    const key = await submitOffline(page);

    const item = outboxItem(page, key);
    await expect(item).toHaveAttribute("data-state", "waiting");
    await expect(item.getByTestId("outbox-state")).toHaveText(/^Waiting to send/);
    await expect(page.getByTestId("unsent-count")).toHaveAttribute("data-count", "1");
    await outboxSettled(page);
    await page.close();

    // The network returns and the portal is opened again.
    await comeBack(context, server);
    const again = await context.newPage();
    await again.goto("/requests");
    const sent = outboxItem(again, key);
    const number = await expectSent(sent);
    await expect(again.getByTestId("unsent-count")).toHaveAttribute("data-count", "0");

    const tickets = ticketsForKey(server.dbPath, key);
    expect(tickets, "one ticket for the submission").toHaveLength(1);
    expect(tickets[0]).toMatchObject({ number, requester: SAM.email });
    expect(attachmentCountForKey(server.dbPath, key), "the photo is attached").toBe(1);
    const [file] = attachmentsForKey(server.dbPath, key);
    expect(file.sizeBytes, `the photo was downscaled on the device (sent ${file.sizeBytes} B of ${photo.length} B)`).toBeLessThan(photo.length);
    const stored = path.join(server.attachmentsDir, file.storageName);
    expect(fs.existsSync(stored), `the photo's file is stored (${stored})`).toBe(true);
    const size = imageSize(fs.readFileSync(stored));
    expect(size, `the stored photo (${file.contentType}) is an image we can read`).not.toBeNull();
    expect(Math.max(size!.width, size!.height), `stored at ${size!.width}×${size!.height}`).toBeLessThanOrEqual(1600);
    expect(size!.width / size!.height).toBeCloseTo(1.5, 1);

    // The ticket itself lists the photo.
    await again.goto(`/requests/${number}`);
    await expect(again.getByTestId("answers")).toContainText(description);
  });
});

test.describe("server killed between request and response", () => {
  const port = 3123;
  const proxyPort = 3124;
  test.use({ baseURL: `http://127.0.0.1:${proxyPort}` });

  test("the submission stays in the outbox, is retried, and makes exactly one ticket", async ({ page }) => {
    const server = await OfflineServer.start({ port });
    const proxy = await startProxy(proxyPort, server);
    await visitOnce(page);

    await openFaultForm(page);
    await hydrated(page);
    await fillFault(page, `Till frozen, server lost mid-request ${marker("lost")}`);
    // The server files the ticket and answers; the answer never arrives and the server dies.
    proxy.swallowNextSubmit(() => server.kill());
    await page.getByTestId("submit").click();
    await expect(page).toHaveURL(/\/requests\?saved=/, { timeout: 30_000 });
    const key = savedKey(page);
    await expect(page.getByTestId("saved-offline")).toHaveText(SAVED_TEXT);
    expect(proxy.submits.filter((s) => s.outcome === "swallowed"), "the server answered a submit the browser never heard").toHaveLength(1);
    expect(ticketCount(server.dbPath, key), "the server had filed the ticket before it died").toBe(1);

    const item = outboxItem(page, key);
    await expect(item).toHaveAttribute("data-state", "waiting");
    await expect(item.getByTestId("outbox-state")).toHaveText(/^Waiting to send/);
    await expect(page.getByTestId("unsent-count")).toHaveAttribute("data-count", "1");

    await server.restart();
    // The app retries on its own with backoff; "Send now" only saves waiting for it.
    await expect(async () => {
      await sendNowIfWaiting(item);
      await expect(item).toHaveAttribute("data-state", "sent", { timeout: 3_000 });
    }).toPass({ timeout: 45_000 });
    const number = await expectSent(item);
    expect(ticketsForKey(server.dbPath, key), "still exactly one ticket, the one filed first").toEqual([
      expect.objectContaining({ number, requester: SAM.email }),
    ]);
  });
});

test.describe("double submit", () => {
  const port = 3125;
  const proxyPort = 3126;
  test.use({ baseURL: `http://127.0.0.1:${proxyPort}` });

  test("a double click on submit makes exactly one ticket", async ({ page }) => {
    const server = await OfflineServer.start({ port });
    const proxy = await startProxy(proxyPort, server);
    await visitOnce(page);
    await openFaultForm(page);
    await hydrated(page);
    const tag = marker("double");
    await fillFault(page, `Till frozen, tapped twice ${tag}`);
    await page.getByTestId("submit").dblclick();
    await expect(page).not.toHaveURL(/\/catalog\//, { timeout: 30_000 });
    const byTag = () => Number(server.sql(`SELECT COUNT(*) FROM tickets WHERE answers_json LIKE ${quote(`%${tag}%`)}`));
    await expect.poll(byTag, { timeout: 30_000 }).toBeGreaterThan(0);
    // Give a second send (a queued one, a retry) time to arrive before counting.
    await page.waitForTimeout(3_000);
    expect(byTag(), "tickets with this description").toBe(1);
    const keys = server.sql(`SELECT idempotency_key FROM tickets WHERE answers_json LIKE ${quote(`%${tag}%`)}`);
    expect(ticketCount(server.dbPath, keys), "tickets with its key").toBe(1);
    expect(proxy.answeredSubmitsFor(keys).length, "submits the server answered for this key").toBe(1);
  });
});

test.describe("two tabs, one outbox", () => {
  const port = 3127;
  const proxyPort = 3128;
  test.use({ baseURL: `http://127.0.0.1:${proxyPort}` });

  test("both tabs see the item sent, and it was sent once", async ({ page, context }) => {
    const server = await OfflineServer.start({ port });
    const proxy = await startProxy(proxyPort, server);
    await visitOnce(page);
    await goOffline(context, server);
    await openFaultForm(page);
    await fillFault(page, `Till frozen, two tabs open ${marker("tabs")}`);
    const key = await submitOffline(page);
    await outboxSettled(page);

    const other = await context.newPage();
    await other.goto("/requests");
    await page.goto("/requests");
    for (const tab of [page, other]) {
      await expect(outboxItem(tab, key)).toHaveAttribute("data-state", "waiting", { timeout: 30_000 });
    }

    // Back online: both tabs hear it and try to flush the same outbox.
    await comeBack(context, server);
    const numbers = await Promise.all([expectSent(outboxItem(page, key), 45_000), expectSent(outboxItem(other, key), 45_000)]);
    expect(numbers[0]).toBe(numbers[1]);
    expect(ticketCount(server.dbPath, key), "tickets for the key").toBe(1);
    // Let a late second sender show itself before counting what reached the server.
    await page.waitForTimeout(3_000);
    expect(
      proxy.answeredSubmitsFor(key).length,
      "submits of this item the server answered (a lock or a claim lets only one tab send it)",
    ).toBe(1);
  });
});

test.describe("item retired while the submission waited", () => {
  const port = 3129;
  test.use({ baseURL: `http://127.0.0.1:${port}` });

  test("the outbox says why, keeps the answers, and deletes nothing until asked", async ({ page, context }) => {
    const server = await OfflineServer.start({ port });
    const description = `Till frozen before the item went ${marker("retired")}`;
    await visitOnce(page);
    await goOffline(context, server);
    await openFaultForm(page);
    await fillFault(page, description);
    const key = await submitOffline(page);

    // While the device waits, the catalog editor retires the item.
    server.sql("UPDATE items SET retired = 1 WHERE slug = 'pos-terminal-fault'");
    await comeBack(context, server);
    expect(server.sql("SELECT retired FROM items WHERE slug = 'pos-terminal-fault'"), "the server's start kept the item retired").toBe("1");

    // The page stays open (leaving it mid-send would hold the item as "Sending…" until the
    // tab's claim lapses): the app sends on "online".
    const item = outboxItem(page, key);
    await expect(async () => {
      await sendNowIfWaiting(item);
      await expect(item).toHaveAttribute("data-state", "rejected", { timeout: 3_000 });
    }).toPass({ timeout: 45_000 });
    await expect(item.getByTestId("outbox-state")).toContainText("Not accepted:");
    await expect(item.getByTestId("outbox-state")).toContainText(/no longer offered|retired/i);
    await expect(item, "the answers are still shown").toContainText(description);
    expect(ticketCount(server.dbPath, key), "nothing was created").toBe(0);
    // The item is gone from the catalog, so there is nothing to fix and send again (soft: the
    // discard flow below is checked either way).
    await expect(item.getByTestId("outbox-edit"), "no \"Fix and send again\" for a retired item").toHaveCount(0);

    // Still there after a reload: kept on the device, not just on screen.
    await page.reload();
    await expect(item).toHaveAttribute("data-state", "rejected", { timeout: 30_000 });
    await expect(item).toContainText(description);

    // "Discard" asks first; saying no keeps it.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await item.getByTestId("outbox-discard").click();
    await expect.poll(() => asked, { message: "Discard asks for confirmation" }).not.toBe("");
    await page.waitForTimeout(500);
    await expect(item).toHaveCount(1);

    page.once("dialog", (dialog) => void dialog.accept());
    await item.getByTestId("outbox-discard").click();
    await expect(item).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("outbox-item")).toHaveCount(0);
    expect(ticketCount(server.dbPath, key)).toBe(0);
  });
});

test.describe("another person on the same browser", () => {
  const port = 3130;
  const proxyPort = 3131;
  test.use({ baseURL: `http://127.0.0.1:${proxyPort}` });

  test("sees none of the first person's drafts or outbox, and nothing is sent as them", async ({ page, context }) => {
    const server = await OfflineServer.start({ port });
    const proxy = await startProxy(proxyPort, server);
    const samFault = `Till frozen, reported by Sam ${marker("sam-outbox")}`;
    const samDraft = `Receipts fade, Sam's unfinished draft ${marker("sam-draft")}`;
    await visitOnce(page);

    // Sam, offline: one submission waiting and one draft on another form.
    await goOffline(context, server);
    await openFaultForm(page);
    await fillFault(page, samFault);
    const key = await submitOffline(page);
    await outboxSettled(page);
    await page.goto("/catalog/receipt-printer-fault");
    await page.getByTestId("field-description").locator("textarea").fill(samDraft);
    await page.waitForTimeout(1_500);
    await page.reload();
    await expect(page.getByTestId("draft-restored"), "Sam's draft is kept").toBeVisible({ timeout: 30_000 });

    // The network returns, but submissions keep failing: Sam's item stays unsent.
    proxy.blockSubmits = true;
    await comeBack(context, server);
    await page.goto("/requests");
    await hydrated(page);
    await expect(outboxItem(page, key)).toHaveAttribute("data-state", /waiting|sending/);
    await expect(page.getByTestId("unsent-count")).toHaveAttribute("data-count", "1");

    // Signing out with an unsent item warns first.
    await page.getByRole("button", { name: "Sign out" }).click();
    const warning = page.getByTestId("signout-warning");
    await expect(warning).toBeVisible();
    await expect(warning).toHaveAttribute("role", "alertdialog");
    await expect(warning).toContainText(/\b1\b/);
    await expect(warning.getByRole("button", { name: "Stay signed in" })).toBeVisible();
    // It holds the keyboard: focus moves into it, Tab stays inside, Escape closes it and gives
    // focus back to the button that opened it.
    await expect(warning).toBeFocused();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      expect(await warning.evaluate((w) => w.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(warning).toBeHidden();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeFocused();
    await page.getByRole("button", { name: "Sign out" }).click();
    await warning.getByTestId("signout-anyway").click();
    await expect(page).toHaveURL(/\/login/);

    // Rita signs in on the same browser.
    proxy.blockSubmits = false;
    await signIn(page, RITA);
    await page.goto("/requests");
    await hydrated(page);
    await expect(page.getByTestId("unsent-count")).toHaveAttribute("data-count", "0");
    await page.waitForTimeout(1_000);
    await expect(page.getByTestId("outbox-item")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(samFault);

    await page.goto("/catalog/receipt-printer-fault");
    await hydrated(page);
    await page.waitForTimeout(1_500); // long enough for a draft to be restored
    await expect(page.getByTestId("draft-restored")).toHaveCount(0);
    await expect(page.getByTestId("field-description").locator("textarea")).toHaveValue("");
    await expect(page.locator("body")).not.toContainText(samDraft);

    // The network blinks while Rita is signed in: an outbox flush must not send Sam's item.
    await context.setOffline(true);
    await context.setOffline(false);
    await page.goto("/requests");
    await hydrated(page);
    await page.waitForTimeout(5_000);
    expect(
      ticketsForKey(server.dbPath, key).filter((t) => t.requester === RITA.email),
      "tickets from Sam's submission filed as Rita",
    ).toEqual([]);
    expect(
      proxy.submits.filter((s) => s.body.includes(key) && s.outcome !== "blocked"),
      "Sam's submission was not sent while Rita was signed in",
    ).toEqual([]);

    // Observation only (the issue does not say): does Sam's item survive "Sign out anyway"?
    await signOut(page);
    await signIn(page, SAM);
    await page.goto("/requests");
    await hydrated(page);
    let observed: string;
    try {
      await expectSent(outboxItem(page, key), 20_000);
      observed = `sent as Sam once Sam signed in again (${JSON.stringify(ticketsForKey(server.dbPath, key))})`;
    } catch {
      observed = `not sent after Sam signed in again (tickets: ${JSON.stringify(ticketsForKey(server.dbPath, key))}, outbox items: ${await page.getByTestId("outbox-item").count()})`;
    }
    test.info().annotations.push({ type: "observation", description: `Sam's unsent item: ${observed}` });
    console.log(`[offline] Sam's unsent item after "Sign out anyway": ${observed}`);
  });
});

test.describe("a tab closed while sending", () => {
  const port = 3133;
  const proxyPort = 3134;
  test.use({ baseURL: `http://127.0.0.1:${proxyPort}` });

  test("does not hold the item: the next tab sends it, exactly once", async ({ page, context }) => {
    const server = await OfflineServer.start({ port });
    const proxy = await startProxy(proxyPort, server);
    await visitOnce(page);
    await goOffline(context, server);
    await openFaultForm(page);
    await fillFault(page, `Till frozen, tab closed mid-send ${marker("closed")}`);
    const key = await submitOffline(page);
    await outboxSettled(page);

    // Back online on a slow line: the tab starts sending, and is closed before the answer.
    proxy.holdSubmitsMs = 3_000;
    await comeBack(context, server);
    await expect(outboxItem(page, key)).toHaveAttribute("data-state", "sending", { timeout: 15_000 });
    await page.close();
    proxy.holdSubmitsMs = 0;

    const again = await context.newPage();
    await again.goto("/requests");
    const item = outboxItem(again, key);
    await expect(async () => {
      await sendNowIfWaiting(item);
      await expect(item).toHaveAttribute("data-state", "sent", { timeout: 3_000 });
    }, "the item is sent from the open tab, not held by the closed one").toPass({ timeout: 30_000 });
    expect(ticketCount(server.dbPath, key), "tickets for the key").toBe(1);
  });
});

test.describe("a new release", () => {
  const port = 3135;
  test.use({ baseURL: `http://127.0.0.1:${port}` });

  test("its service worker takes over without serving stale wasm with new HTML", async ({ page, context }) => {
    const siteA = copySite(defaultSiteRoot(), "a");
    const siteB = copySite(defaultSiteRoot(), "b");
    try {
      makeNewRelease(siteB);
      const server = await OfflineServer.start({ port, siteRoot: siteA });
      await signIn(page, SAM);
      await page.goto("/");
      await hydrated(page);
      await serviceWorkerInControl(page);
      const oldRelease = await releaseOf(page);
      await expect.poll(() => cacheKeys(page), { timeout: 30_000 }).toContain(`deskfront-shell-${oldRelease}`);

      // Release B goes live on the same address.
      await server.kill();
      await server.restart({ siteRoot: siteB });
      const requested: string[] = [];
      context.on("request", (r) => requested.push(r.url()));

      await page.reload();
      await hydrated(page);
      const newRelease = await releaseOf(page);
      expect(newRelease, "the reloaded page is release B's").not.toBe(oldRelease);
      // B's worker installs, skips waiting and claims the page, and drops A's cache.
      await expect.poll(() => cacheKeys(page), { timeout: 30_000 }).toContain(`deskfront-shell-${newRelease}`);
      await expect.poll(() => cacheKeys(page), { timeout: 30_000 }).not.toContain(`deskfront-shell-${oldRelease}`);
      await page.reload();
      await hydrated(page);
      expect(await releaseOf(page)).toBe(newRelease);

      const pkg = requested.filter((u) => new URL(u).pathname.startsWith("/pkg/r/"));
      expect(pkg.length, "the page loaded its code from /pkg/r/<release>/").toBeGreaterThan(0);
      expect(pkg.filter((u) => !u.includes(`/pkg/r/${newRelease}/`)), "code requested from another release").toEqual([]);

      const worker = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const controller = navigator.serviceWorker.controller;
        return {
          controller: controller?.scriptURL ?? null,
          controllerIsActive: controller !== null && registration?.active?.scriptURL === controller.scriptURL,
          waiting: registration?.waiting !== null && registration?.waiting !== undefined,
          script: await (await fetch("/sw.js", { cache: "no-store" })).text(),
        };
      });
      expect(worker.controller && new URL(worker.controller).pathname).toBe("/sw.js");
      expect(worker.controllerIsActive).toBe(true);
      expect(worker.waiting, "no worker is left waiting").toBe(false);
      expect(worker.script).toContain(newRelease);
      expect(worker.script).not.toContain(oldRelease);

      // What the page gets for B's wasm URL (through the worker and its cache) is B's file.
      const expected = fs.readFileSync(path.join(siteB, "pkg", "deskfront.wasm"));
      const served = await page.evaluate(async (url) => {
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        return { length: bytes.length, tail: Array.from(bytes.slice(-32)) };
      }, `/pkg/r/${newRelease}/deskfront.wasm`);
      expect(served.length).toBe(expected.length);
      expect(served.tail).toEqual(Array.from(expected.subarray(expected.length - 32)));
    } finally {
      await disposeAllServers();
      fs.rmSync(siteA, { recursive: true, force: true });
      fs.rmSync(siteB, { recursive: true, force: true });
    }
  });
});

test.describe("a store worker whose phone is set to German, without a network", () => {
  const port = 3137;
  test.use({ baseURL: `http://127.0.0.1:${port}`, locale: "de-DE" });

  test("reports a till fault offline and reads every step in German, then it is sent once", async ({ page, context }) => {
    const server = await OfflineServer.start({ port });
    await visitOnce(page);
    await expect(page.getByTestId("last-sync")).toContainText("Abgeglichen");
    await goOffline(context, server);

    // The till's QR sticker: the report page, drawn on the device from what it keeps.
    await page.goto("/report?store=S012&asset=S012-REG-03");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Störung melden");
    await expect(page.getByTestId("offline-banner")).toContainText("Offline – Katalog vom");
    await expect(page.getByTestId("report-place")).toContainText("Was ist kaputt?");

    await openFaultForm(page);
    const submit = page.getByTestId("submit");
    await expect(submit).toHaveText("Anfrage senden");
    // Sent empty: the same rules as the server's, in German, beside each field.
    await submit.click();
    await expect(page.getByTestId("form-error")).toHaveText("4 Antworten müssen vor dem Senden noch korrigiert werden.");
    await expect(page.getByTestId("field-symptom")).toContainText("Wählen Sie eine Option.");
    await expect(page.getByTestId("field-description")).toContainText("Dieses Feld ist ein Pflichtfeld.");

    const description = `Kasse hängt beim Bezahlen ${marker("de")}`;
    await fillFault(page, description);
    await expect(page.getByTestId("priority-preview")).toContainText(/^Priorität P\d – wir melden uns bis /);
    await submit.click();
    await expect(page).toHaveURL(/\/requests\?saved=[A-Za-z0-9-]+/, { timeout: 30_000 });
    await expect(page.getByTestId("saved-offline")).toHaveText(
      "Auf diesem Gerät gespeichert – wird gesendet, sobald Sie wieder online sind",
    );
    const key = savedKey(page);
    await expect(page.getByRole("heading", { name: "Auf diesem Gerät" })).toBeVisible();
    const item = outboxItem(page, key);
    await expect(item.getByTestId("outbox-state")).toHaveText(/^Wartet auf das Senden/);
    await expect(item).toContainText("Gespeichert ");
    await expect(page.getByTestId("connection")).toHaveText("Offline");
    await expect(page.getByTestId("unsent-count")).toHaveText("1 nicht gesendet");
    await outboxSettled(page);
    await page.close();

    // Back online: the outbox sends it, and says so in German.
    await comeBack(context, server);
    const again = await context.newPage();
    await again.goto("/requests");
    await expect(again.getByRole("heading", { level: 1 })).toHaveText("Meine Anfragen");
    const sent = outboxItem(again, key);
    await sendNowIfWaiting(sent);
    await expect(sent).toHaveAttribute("data-state", "sent", { timeout: 30_000 });
    await expect(sent.getByTestId("outbox-state")).toHaveText(/^Gesendet als INC\d{7}$/);
    expect(ticketCount(server.dbPath, key), "one ticket for the submission").toBe(1);
  });
});
