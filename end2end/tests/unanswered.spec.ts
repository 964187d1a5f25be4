import { expect, Page } from "@playwright/test";
import { EVE, hydrated, RITA, signIn, signOut, test } from "./helpers";

// What nobody found: a search without an article reaches the knowledge editors' list, grouped
// with queries like it, and a new article starts from it. Counts add up over runs on the same
// database, so the tests look for the query, not for exact numbers.

const NONSENSE = "zorblax quuxinator";

/** The group of the list named by `query` (its first query). */
function groupNamed(page: Page, query: string) {
  return page
    .getByTestId("unanswered-group")
    .filter({ has: page.getByRole("heading", { level: 3, name: query, exact: true }) });
}

test("a search that finds nothing reaches the editors, who start the missing article from it", async ({ page }) => {
  // A requester searches the portal as anyone would, from the header, and finds nothing.
  await signIn(page, RITA);
  await hydrated(page);
  await page.getByTestId("site-search").fill(NONSENSE);
  await page.getByTestId("site-search").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=zorblax%20quuxinator/);
  await expect(page.getByTestId("no-results")).toContainText(NONSENSE);
  await signOut(page);

  // The editor finds it under the Knowledge tabs.
  await signIn(page, EVE);
  await hydrated(page);
  await page.getByRole("link", { name: "Articles", exact: true }).first().click();
  const tabs = page.getByRole("navigation", { name: "Knowledge" });
  await tabs.getByRole("link", { name: "What nobody found" }).click();
  await expect(page).toHaveURL(/\/editor\/unanswered$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What nobody found");
  await expect(tabs.getByRole("link", { name: "What nobody found" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("period-form").getByLabel("Period")).toHaveValue("30");
  const group = groupNamed(page, NONSENSE);
  await expect(group).toHaveCount(1);
  await expect(group.getByTestId("unanswered-totals")).toContainText(/\d+ search(es)? found nothing/);

  // "Write an article" opens a new article titled with the query.
  await group.getByRole("link", { name: /Write an article/ }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/new\?title=zorblax%20quuxinator$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New article");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(NONSENSE);
  await expect(page.getByLabel("Address (slug)")).toHaveValue("zorblax-quuxinator");
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue(`People searched for: "${NONSENSE}"\n\n`);
  // The slug still follows the title until the editor changes it.
  await page.getByLabel("Title", { exact: true }).fill("Zorblax quuxinator keeps beeping");
  await expect(page.getByLabel("Address (slug)")).toHaveValue("zorblax-quuxinator-keeps-beeping");

  // It fits a phone: nothing wider than the screen.
  await page.goto("/editor/unanswered");
  await expect(groupNamed(page, NONSENSE)).toHaveCount(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the article editor shows what people typed before the article helped them", async ({ page }) => {
  await signIn(page, EVE);
  await page.goto("/editor/articles/cash-drawer-wont-open");
  await hydrated(page);
  const evidence = page.locator("section#evidence");
  await expect(evidence.getByRole("heading", { level: 2 })).toHaveText("What people typed before this helped them");
  await expect(evidence).toContainText("Search learns words that at least two different people typed");
  await expect(evidence.getByTestId("no-evidence")).toHaveText("Nobody has searched their way to this article yet.");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the list renders with its period form, and the period is a plain GET form", async ({ page }) => {
    // Something to list in the last 7 days, whatever ran before.
    await signIn(page, RITA);
    await page.goto(`/search?q=${encodeURIComponent(NONSENSE)}`);
    await expect(page.getByTestId("no-results")).toBeVisible();
    await signOut(page);

    await signIn(page, EVE);
    const res = await page.goto("/editor/unanswered?days=7");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What nobody found");
    const form = page.getByTestId("period-form");
    await expect(form.getByLabel("Period")).toHaveValue("7");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Last 7 days");
    await expect(groupNamed(page, NONSENSE)).toHaveCount(1);
    await expect(groupNamed(page, NONSENSE).getByRole("link", { name: /Write an article/ })).toHaveAttribute(
      "href",
      "/editor/articles/new?title=zorblax%20quuxinator",
    );

    await form.getByLabel("Period").selectOption("90");
    await form.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/\/editor\/unanswered\?days=90$/);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Last 90 days");
    await expect(groupNamed(page, NONSENSE)).toHaveCount(1);

    // A period the server does not accept is refused beside the field.
    const refused = await page.goto("/editor/unanswered?days=1000");
    expect(refused?.status()).toBe(400);
    await expect(page.getByTestId("days-error")).toContainText("Choose between 1 and 365 days.");
  });

  test("the page is for editors only", async ({ page }) => {
    await signIn(page, RITA);
    const res = await page.goto("/editor/unanswered");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("period-form")).toHaveCount(0);
  });
});
