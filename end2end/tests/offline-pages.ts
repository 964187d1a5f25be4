/**
 * What the offline tests and the outbox benchmark do in the browser: visit the portal once so the
 * service worker and the device's snapshot are in place, take the network away and give it back,
 * fill the till fault form, and read the outbox and Cache Storage.
 */
import { BrowserContext, expect, Locator, Page } from "@playwright/test";
import { hydrated, SAM, signIn } from "./helpers";
import { OfflineServer } from "./offline-server";

/** The QR sticker's link on register 3 of the Leeds store. */
export const FAULT_URL = "/catalog/pos-terminal-fault?store=S012&asset=S012-REG-03";
export const SAVED_TEXT = "Saved on this device — will send when you are back online";

/** A word no seed text contains, to find one submission's ticket or draft again. */
export function marker(label: string): string {
  return `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Waits until a service worker is active and controls the page. The worker takes over open pages
 * when it activates (clients.claim); if it has not after a while, one reload hands the page to it.
 */
export async function serviceWorkerInControl(page: Page): Promise<void> {
  const registered = await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000)),
    ]),
  );
  expect(registered, "a service worker is registered and active within 20 s").toBe(true);
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  try {
    await expect.poll(controlled, { timeout: 10_000 }).toBe(true);
  } catch {
    await page.reload();
    await hydrated(page);
    await expect.poll(controlled, { timeout: 15_000, message: "the service worker controls the page" }).toBe(true);
  }
}

/** The sync time in the header once the device's snapshot is stored ("Synced 14:02"). */
export async function snapshotStored(page: Page): Promise<void> {
  await expect(page.getByTestId("last-sync")).toHaveText(/\d{1,2}:\d{2}/, { timeout: 30_000 });
}

/** Yesterday's visit: signed in as the store worker, the catalog opened, everything kept. */
export async function visitOnce(page: Page, who = SAM): Promise<void> {
  await signIn(page, who);
  await page.goto("/");
  await hydrated(page);
  await serviceWorkerInControl(page);
  await snapshotStored(page);
}

/** No network at all: the browser is offline and the server is gone (SIGKILL). */
export async function goOffline(context: BrowserContext, server: OfflineServer): Promise<void> {
  await context.setOffline(true);
  await server.kill();
}

/** The network is back: the server runs again on the same database, the browser is online. */
export async function comeBack(context: BrowserContext, server: OfflineServer): Promise<void> {
  await server.restart();
  await context.setOffline(false);
}

/**
 * Opens the till fault form from the sticker's link and waits until it can be filled. Offline
 * the page is rendered in the browser from the snapshot, so the form showing means it runs.
 */
export async function openFaultForm(page: Page, url = FAULT_URL): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("submit")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("field-store").locator("select")).toHaveValue("S012");
  await expect(page.getByTestId("field-asset").locator("select")).toHaveValue("S012-REG-03");
}

/** Picks `option` in a choice field, whether it is shown as a list or as buttons. */
async function choose(field: Locator, option: string): Promise<void> {
  const select = field.locator("select");
  if ((await select.count()) > 0) await select.selectOption(option);
  else await field.getByLabel(option).check();
}

/** Answers the till fault form: frozen till, the first impact and urgency, `description`. */
export async function fillFault(page: Page, description: string): Promise<void> {
  await choose(page.getByTestId("field-symptom"), "Frozen or unresponsive");
  await page.getByTestId("field-impact").getByRole("radio").first().check();
  await page.getByTestId("field-urgency").getByRole("radio").first().check();
  await page.getByTestId("field-description").locator("textarea").fill(description);
}

/** Submits with no network: the page says it is kept, and returns the submission's key. */
export async function submitOffline(page: Page): Promise<string> {
  await page.getByTestId("submit").click();
  await expect(page).toHaveURL(/\/requests\?saved=[A-Za-z0-9-]+/, { timeout: 30_000 });
  await expect(page.getByTestId("saved-offline")).toHaveText(SAVED_TEXT);
  return savedKey(page);
}

/**
 * Waits until no outbox item on the page is being sent. Leaving a page while it sends leaves the
 * item claimed ("Sending…") by a tab that is gone until the claim lapses, so tests that navigate
 * on let the attempt finish first (the test "a tab closed while sending" covers that case).
 */
export async function outboxSettled(page: Page): Promise<void> {
  await expect(page.locator("[data-testid=outbox-item][data-state=sending]")).toHaveCount(0, { timeout: 30_000 });
}

/** The idempotency key in `/requests?saved=KEY`. */
export function savedKey(page: Page): string {
  const key = new URL(page.url()).searchParams.get("saved");
  expect(key, `the URL ${page.url()} names the saved submission`).toBeTruthy();
  return key!;
}

export function outboxItem(page: Page, key: string): Locator {
  return page.locator(`[data-testid=outbox-item][data-key="${key}"]`);
}

/** "Send now" (the outbox's or the item's), if offered (the item may have gone out meanwhile). */
export async function sendNowIfWaiting(item: Locator): Promise<void> {
  const own = item.getByTestId("outbox-send-now");
  const button = (await own.count()) > 0 ? own.first() : item.page().getByTestId("outbox-send-now").first();
  if ((await button.count()) > 0 && (await button.isEnabled({ timeout: 1_000 }).catch(() => false))) {
    await button.click({ timeout: 2_000 }).catch(() => undefined);
  }
}

/**
 * Waits until this device's copy of the search index answers: the header lists instant results
 * (the index is kept apart from the catalog snapshot, so "Synced" does not cover it).
 */
export async function localIndexReady(page: Page): Promise<void> {
  const box = page.getByTestId("site-search");
  await box.fill("printer");
  await expect(page.getByTestId("instant-results")).toBeVisible({ timeout: 30_000 });
  await box.fill("");
}

/** Waits until the outbox item is sent; returns the ticket number it shows. */
export async function expectSent(item: Locator, timeout = 30_000): Promise<string> {
  await expect(item).toHaveAttribute("data-state", "sent", { timeout });
  const state = item.getByTestId("outbox-state");
  await expect(state).toHaveText(/Sent as (INC|REQ)\d{7}/);
  return (await state.textContent())!.match(/(INC|REQ)\d{7}/)![0];
}

/** The release the page was rendered for (`<meta name="deskfront-release">`). */
export async function releaseOf(page: Page): Promise<string> {
  const release = await page.locator('meta[name="deskfront-release"]').getAttribute("content");
  expect(release, "the page names its release").toBeTruthy();
  return release!;
}

export function cacheKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}

/** Every cache in Cache Storage: its name, how many responses, and their bodies' bytes. */
export function cachedBytes(page: Page): Promise<{ name: string; entries: number; bytes: number }[]> {
  return page.evaluate(async () => {
    const out: { name: string; entries: number; bytes: number }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      let bytes = 0;
      const requests = await cache.keys();
      for (const request of requests) {
        const response = await cache.match(request);
        if (response) bytes += (await response.blob()).size;
      }
      out.push({ name, entries: requests.length, bytes });
    }
    return out;
  });
}
