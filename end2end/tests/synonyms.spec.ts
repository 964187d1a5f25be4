import { expect, Page } from "@playwright/test";
import { EVE, hydrated, RITA, signIn, test } from "./helpers";

// The knowledge editor keeps the synonym groups search applies: every new database starts with
// the groups of server/starter/synonyms.toml, one of them "till, register, cash register, POS…".

/** The group (a row of the list) with all of these phrases. */
function groupWith(page: Page, ...phrases: string[]) {
  let rows = page.getByTestId("synonym-group");
  for (const phrase of phrases) {
    rows = rows.filter({ has: page.locator("li.phrase", { hasText: new RegExp(`^${phrase}$`, "i") }) });
  }
  return rows;
}

const PHRASES = "Words and phrases, separated by commas";

test("an editor adds a group, is told what is wrong with a one-word group, and previews a search with a group", async ({
  page,
}) => {
  await signIn(page, EVE);
  await hydrated(page);
  // From the article list, beside which the synonyms sit.
  await page.getByRole("link", { name: "Articles", exact: true }).first().click();
  await page.getByRole("navigation", { name: "Knowledge" }).getByRole("link", { name: "Synonyms" }).click();
  await expect(page).toHaveURL(/\/editor\/synonyms$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Synonyms");
  await hydrated(page);

  // The starter groups are there.
  await expect(page.getByTestId("group-count")).toContainText(/\d+ groups, \d+ retired/);
  const till = groupWith(page, "till", "register");
  await expect(till).toHaveCount(1);

  // A new group appears in the list once saved, and the form is ready for the next one.
  const newGroup = page.getByTestId("new-group");
  const phrases = newGroup.getByLabel(PHRASES);
  await phrases.fill("fridge, cooler");
  await newGroup.getByRole("button", { name: "Add group" }).click();
  await expect(newGroup.getByTestId("group-added")).toContainText("fridge, cooler");
  await expect(phrases).toHaveValue("");
  const fridge = groupWith(page, "fridge", "cooler");
  await expect(fridge).toHaveCount(1);
  await expect(fridge.getByTestId("retired")).toHaveCount(0);

  // The filter narrows the list to the groups with the typed text.
  await page.getByLabel("Find a group").fill("cooler");
  await expect(page.locator("[data-testid=synonym-group]:visible")).toHaveCount(1);
  await expect(page.getByTestId("group-count")).toContainText("1 shown");
  await page.getByLabel("Find a group").fill("");

  // One phrase is not a group: the server says so next to the field, and the text stays.
  await phrases.fill("fridge");
  const refused = page.waitForResponse((r) => r.url().includes("/api/save_synonym_group"));
  await newGroup.getByRole("button", { name: "Add group" }).click();
  expect((await refused).ok()).toBe(false);
  await expect(newGroup.getByTestId("phrases-error")).toContainText("at least two");
  await expect(phrases).toHaveValue("fridge");
  await expect(phrases).toHaveAttribute("aria-invalid", "true");
  await expect(groupWith(page, "fridge")).toHaveCount(1);

  // The preview: a query tried with the till group as it stands.
  await page.getByLabel("Try a search").fill("pos drawer");
  await till.getByTestId("edit-group").click();
  await expect(till.getByLabel(PHRASES)).toHaveValue(/register/);
  await till.getByRole("button", { name: "Preview" }).click();
  const preview = till.getByTestId("synonym-preview");
  await expect(preview.getByTestId("preview-now")).toBeVisible();
  const withGroup = preview.getByTestId("preview-with-group");
  await expect(withGroup.getByRole("link", { name: "Cash drawer won't open" })).toBeVisible();
  await expect(withGroup.getByRole("link", { name: "Cash drawer won't open" })).toHaveAttribute(
    "href",
    "/kb/cash-drawer-wont-open",
  );

  // It fits a phone: nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the list renders and the new-group form posts and comes back", async ({ page }) => {
    await signIn(page, EVE);
    const res = await page.goto("/editor/synonyms");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Synonyms");
    await expect(page.getByTestId("group-count")).toContainText(/\d+ groups, \d+ retired/);
    await expect(groupWith(page, "till", "register")).toHaveCount(1);
    // The preview needs the page's script: its button stays off (a <noscript> note says why).
    const newGroup = page.getByTestId("new-group");
    await expect(newGroup.getByRole("button", { name: "Preview" })).toBeDisabled();
    await newGroup.getByLabel(PHRASES).fill("walk-in freezer, cold room");
    await newGroup.getByRole("button", { name: "Add group" }).click();
    await expect(page).toHaveURL(/\/editor\/synonyms$/);
    await expect(groupWith(page, "walk-in freezer", "cold room")).toHaveCount(1);

    // A refused group comes back to the page with the reason.
    await page.getByTestId("new-group").getByLabel(PHRASES).fill("freezer");
    await page.getByTestId("new-group").getByRole("button", { name: "Add group" }).click();
    await expect(page).toHaveURL(/\/editor\/synonyms\?error=synonyms_too_few$/);
    await expect(page.getByTestId("page-error")).toContainText("A group needs at least two different words or phrases.");
  });

  test("the page is for editors only", async ({ page }) => {
    await signIn(page, RITA);
    const res = await page.goto("/editor/synonyms");
    expect(res?.status()).toBe(403);
    await expect(page.getByLabel(PHRASES)).toHaveCount(0);
  });
});
