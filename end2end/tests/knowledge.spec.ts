import { expect, Page } from "@playwright/test";
import { EVE, hydrated, RITA, signIn, signOut, test } from "./helpers";
import { serviceWorkerInControl } from "./offline-pages";

const PRINTER_TITLE = "Receipt printer not printing";

/** Waits until this device's copy of the search index answers: the header lists instant results. */
async function localIndexReady(page: Page) {
  const box = page.getByTestId("site-search");
  await box.fill("printer");
  await expect(page.getByTestId("instant-results")).toBeVisible({ timeout: 20_000 });
  await box.fill("");
}

test("a misspelt search finds the article, in the header and on the results page", async ({ page }) => {
  await signIn(page, RITA);
  await hydrated(page);
  await localIndexReady(page);

  // Instant results from the index on this device, while typing.
  await page.getByTestId("site-search").fill("pritner wont print");
  const instant = page.getByTestId("instant-results").locator("li");
  await expect(instant.first()).toBeVisible();
  await expect(instant.filter({ hasText: PRINTER_TITLE })).toHaveCount(1);
  expect(await indexOf(instant, PRINTER_TITLE)).toBeLessThan(3);

  // Enter opens the full results page: articles and catalog items, with category filters.
  await page.getByTestId("site-search").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=pritner%20wont%20print/);
  const results = page.getByTestId("search-result");
  await expect(results.first()).toBeVisible();
  expect(await indexOf(results, PRINTER_TITLE)).toBeLessThan(3);
  await expect(results.filter({ hasText: "Receipt printer fault" })).toHaveCount(1);
  await page.getByTestId("category-filters").getByRole("link", { name: /Printers/ }).click();
  await expect(results.filter({ hasText: "Receipt printer fault" })).toHaveCount(0);

  // The article, and "Did this help?": opened from the results, it knows what was searched for.
  await results.filter({ hasText: PRINTER_TITLE }).getByRole("link").click();
  await expect(page).toHaveURL(/\/kb\/receipt-printer-not-printing\?q=pritner%20wont%20print$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRINTER_TITLE);
  await page.getByLabel("Yes").check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByTestId("feedback-thanks")).toBeVisible();
  await signOut(page);

  // The yes made the search evidence for the article: its editor sees the words.
  await signIn(page, EVE);
  await page.goto("/editor/articles/receipt-printer-not-printing");
  await hydrated(page);
  const typed = page.getByTestId("evidence-row").filter({ hasText: "pritner wont print" });
  await expect(typed).toHaveCount(1);
  await expect(typed).toHaveAttribute("data-source", "search");
  await expect(typed).toContainText("Searched, then “Did this help?” yes");
});

test("a suggestion beside a fault report solves it: deflection recorded, draft discarded", async ({ page }) => {
  await signIn(page, RITA);
  await hydrated(page);
  await localIndexReady(page);
  await page.goto("/catalog/receipt-printer-fault");
  await hydrated(page);

  const description = page.getByLabel(/Describe the problem/);
  await description.fill("The receipts come out blank even after I put a new paper roll in");
  const suggestion = page.getByTestId("suggestion").filter({ hasText: /receipt|printer|print/i }).first();
  await expect(suggestion).toBeVisible();
  await expect(page.getByTestId("suggestion")).toHaveCount(3);

  // The article opens over the form, which keeps what was typed.
  const opened = page.waitForResponse((r) => r.url().includes("/api/deflection") && r.ok());
  await suggestion.getByRole("button").click();
  await expect(page.getByTestId("article-sheet")).toBeVisible();
  await expect(page.getByTestId("article-sheet").locator(".article-body")).not.toBeEmpty();
  await opened;
  await page.getByTestId("back-to-form").click();
  await expect(description).toHaveValue(/come out blank/);

  // "This solved it": the deflection reaches the server, and the draft can go.
  await suggestion.getByRole("button").click();
  const solved = page.waitForResponse(
    (r) => r.url().includes("/api/deflection") && r.request().postData()!.includes("kind=solved"),
  );
  await page.getByTestId("solved").click();
  expect((await solved).status()).toBe(200);
  await expect(page.getByTestId("solved-banner")).toBeVisible();
  await page.getByTestId("discard-after-solved").click();
  await expect(page.getByTestId("draft-discarded")).toBeVisible();
  await expect(description).toHaveValue("");
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("draft-restored")).toHaveCount(0);
});

test("search keeps working offline after one visit", async ({ page, context }) => {
  await signIn(page, RITA);
  await hydrated(page);
  await localIndexReady(page);
  // The results page is a navigation: offline, only the service worker can answer it. Under
  // load its install (which stores every module) can outlast the index; wait for it.
  await serviceWorkerInControl(page);

  await context.setOffline(true);
  await page.getByTestId("site-search").fill("vpn wont conect");
  const instant = page.getByTestId("instant-results").locator("li");
  await expect(instant.first()).toContainText(/VPN/i);

  // The results page cannot reach the server, so it ranks on this device and says so.
  await page.getByTestId("site-search").press("Enter");
  await expect(page.getByTestId("offline-results")).toBeVisible();
  await expect(page.getByTestId("search-result").first()).toContainText(/VPN/i);
  await context.setOffline(false);
});

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });

  test("an editor writes an article with a live preview, publishes it, and people find it", async ({ page }) => {
    await signIn(page, EVE);
    await hydrated(page);
    await page.getByRole("link", { name: "Articles" }).click();
    await page.getByTestId("new-article").click();
    await hydrated(page);

    await page.getByLabel("Title").fill("Handheld scanner dock blinks amber");
    await expect(page.getByLabel("Address (slug)")).toHaveValue("handheld-scanner-dock-blinks-amber");
    await page.getByLabel("Summary").fill("What an amber light on the handheld scanner dock means and how to clear it.");
    await page.getByLabel("Category").fill("scanners");
    await page.getByLabel("Tags").fill("scanner, dock, amber");
    await page.getByLabel("Text (Markdown)").fill("## Reseat the scanner\n\nLift it out and put it back **firmly**.");
    await expect(page.getByTestId("article-preview").locator("strong")).toHaveText("firmly");
    await page.getByLabel("State").selectOption("published");
    await page.getByTestId("save-article").click();
    await expect(page).toHaveURL(/\/editor\/articles\/handheld-scanner-dock-blinks-amber\?saved=1/);
    await expect(page.getByTestId("revisions")).toContainText("published");

    await page.goto("/search?q=scanner+dock+amber");
    await expect(page.getByTestId("search-result").first()).toContainText("Handheld scanner dock blinks amber");

    // A German version, started from the original's editor: linked both ways.
    await page.goto("/editor/articles/handheld-scanner-dock-blinks-amber");
    await hydrated(page);
    await page.getByTestId("translate-de").click();
    await expect(page).toHaveURL(/\/editor\/articles\/new\?translation_of=handheld-scanner-dock-blinks-amber&locale=de/);
    await hydrated(page);
    await expect(page.getByLabel("Language")).toHaveValue("de");
    await expect(page.getByLabel("Translation of")).toHaveValue("handheld-scanner-dock-blinks-amber");
    await page.getByLabel("Title").fill("Scanner-Ladestation blinkt gelb");
    await expect(page.getByLabel("Address (slug)")).toHaveValue("scanner-ladestation-blinkt-gelb");
    await page.getByLabel("Summary").fill("Was ein gelbes Licht an der Ladestation des Handscanners bedeutet.");
    await page.getByLabel("Category").fill("scanners");
    await page.getByLabel("Text (Markdown)").fill("## Scanner neu einsetzen\n\nHerausnehmen und **fest** wieder einsetzen.");
    await page.getByLabel("State").selectOption("published");
    await page.getByTestId("save-article").click();
    await expect(page).toHaveURL(/\/editor\/articles\/scanner-ladestation-blinkt-gelb\?saved=1/);
    await expect(page.getByTestId("translations")).toContainText("Handheld scanner dock blinks amber");
    await page.goto("/kb/scanner-ladestation-blinkt-gelb?exact=1");
    await expect(page.getByTestId("article-versions")).toContainText("Handheld scanner dock blinks amber");
  });
});

async function indexOf(list: ReturnType<Page["locator"]>, text: string): Promise<number> {
  const texts = await list.allTextContents();
  return texts.findIndex((t) => t.includes(text));
}
