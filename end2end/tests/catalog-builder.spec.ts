import { Browser, expect, Locator, Page } from "@playwright/test";
import { EVE, hydrated, RITA, signIn, test } from "./helpers";

/** The requester orders from a phone: a second browser context, phone-sized and touch. */
async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  return context.newPage();
}

/** Adds a field to the builder and gives it a question, a key and a kind; returns its block. */
async function addField(page: Page, label: string, key: string, kind: string): Promise<Locator> {
  await page.getByTestId("add-field").click();
  const field = page.getByTestId("builder-field").last();
  await field.getByTestId("builder-label").fill(label);
  await field.getByTestId("builder-key").fill(key);
  await field.getByTestId("builder-kind").selectOption(kind);
  return field;
}

test.describe("an editor builds a catalog item", () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });

  test("a standing desk with a conditional field and a checked number: previewed, published, ordered from a phone; version 2 keeps the draft and the first ticket", async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    await signIn(page, EVE);
    await hydrated(page);
    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Catalog", exact: true })).toBeVisible();
    await page.getByTestId("new-item").click();
    await hydrated(page);

    await page.getByLabel("Name", { exact: true }).fill("Standing desk");
    await page.getByLabel("Address (slug)").fill("standing-desk");
    await page.getByLabel("Summary", { exact: true }).fill("A desk you can raise and lower.");
    await page.getByLabel("Category", { exact: true }).selectOption("hardware");
    await page.getByLabel("Expected delivery").fill("2 weeks");
    await page.getByLabel("Fulfilment group").fill("Facilities");
    await page.getByLabel("Description (Markdown)").fill("For **back trouble**, or if you prefer to stand.");

    const width = await addField(page, "Desk width", "width", "choice");
    await width.getByTestId("builder-required").check();
    await width.getByTestId("builder-options").fill("Standard\nExtra wide");
    const why = await addField(page, "Why the wide one?", "why_wide", "long_text");
    await why.getByTestId("builder-required").check();
    await why.getByTestId("builder-add-condition").click();
    await why.getByTestId("builder-rule-op").selectOption("equals");
    // A value the earlier field can never answer is a problem shown beside the field.
    await why.getByTestId("builder-rule-values").fill("Extra large");
    await expect(why.getByTestId("builder-problem")).toContainText("can never answer");
    await expect(page.getByTestId("preview-blocked")).toBeVisible();
    await why.getByTestId("builder-rule-values").fill("Extra wide");
    await expect(why.getByTestId("builder-problem")).toHaveCount(0);
    const height = await addField(page, "Your height in cm", "height", "number");
    await height.getByTestId("builder-required").check();
    await height.getByTestId("builder-min").fill("120");
    await height.getByTestId("builder-max").fill("210");

    // The preview is the requester's form: the condition and the number check work in it.
    const preview = page.getByTestId("form-preview");
    await expect(preview.getByLabel(/Why the wide one/)).toHaveCount(0);
    await preview.getByLabel(/Desk width/).selectOption("Extra wide");
    await expect(preview.getByLabel(/Why the wide one/)).toBeVisible();
    await preview.getByLabel(/Your height in cm/).fill("300");
    // Leaving the field shows its error (which moves the button down): leave it first.
    await preview.getByLabel(/Your height in cm/).press("Tab");
    await expect(preview.getByText("Enter a number from 120 to 210.")).toBeVisible();
    await preview.getByRole("button", { name: "Check the answers" }).click();
    await expect(preview.getByTestId("form-error")).toContainText("to fix");
    await preview.getByLabel(/Desk width/).selectOption("Standard");
    await preview.getByLabel(/Your height in cm/).fill("180");
    await preview.getByLabel(/Your height in cm/).press("Tab");
    await preview.getByRole("button", { name: "Check the answers" }).click();
    await expect(preview.getByTestId("form-error")).toContainText("nothing was sent");

    await page.getByTestId("publish-item").click();
    await expect(page.getByTestId("item-message")).toContainText("form version 1");
    await expect(page).toHaveURL(/\/admin\/catalog\/standing-desk\?published=1$/);

    // A requester orders it from a phone a minute later. The catalog shows the categories
    // nested: "Mobile devices" is a section of Hardware, and its chip selects both.
    const rita = await phone(browser);
    await signIn(rita, RITA);
    await hydrated(rita);
    const hardware = rita.locator("section.category", { has: rita.getByRole("heading", { level: 2, name: /Hardware/ }) });
    await expect(hardware.getByRole("link", { name: /Standing desk/ })).toBeVisible();
    await expect(rita.getByRole("heading", { level: 3, name: /Mobile devices/ })).toBeVisible();
    await expect(rita.getByRole("group", { name: "Categories" }).getByRole("button", { name: /Mobile devices/ })).toHaveCount(0);
    await rita.getByRole("group", { name: "Categories" }).getByRole("button", { name: /Hardware/ }).click();
    await expect(rita.getByRole("heading", { level: 3, name: /Mobile devices/ })).toBeVisible();
    await expect(rita.getByRole("heading", { level: 2, name: /Software/ })).toHaveCount(0);
    await rita.goto("/catalog/standing-desk");
    await hydrated(rita);
    await expect(rita.locator(".item-description strong")).toHaveText("back trouble");
    await rita.getByLabel(/Desk width/).selectOption("Standard");
    await rita.getByLabel(/Your height in cm/).fill("182");
    await rita.getByTestId("submit").click();
    await expect(rita).toHaveURL(/\/requests\/REQ\d+\?submitted=1/);
    const firstTicket = new URL(rita.url()).pathname;

    // She starts a second order and leaves it as a draft on version 1.
    await rita.goto("/catalog/standing-desk");
    await hydrated(rita);
    await rita.getByLabel(/Desk width/).selectOption("Extra wide");
    await rita.getByLabel(/Why the wide one/).fill("Two monitors side by side for the planning tool.");
    await rita.getByLabel(/Your height in cm/).fill("176");
    await rita.waitForTimeout(800); // the draft is saved shortly after typing stops

    // The editor adds a field and publishes version 2.
    await page.reload();
    await hydrated(page);
    const colour = await addField(page, "Desk top colour", "colour", "choice");
    await colour.getByTestId("builder-options").fill("Oak\nWhite");
    await page.getByTestId("publish-item").click();
    await expect(page.getByTestId("item-message")).toContainText("form version 2");

    // The draft comes back on version 2, with the new field; the order answers version 2.
    await rita.goto("/catalog/standing-desk");
    await hydrated(rita);
    await expect(rita.getByTestId("draft-restored")).toBeVisible();
    await expect(rita.getByLabel(/Why the wide one/)).toHaveValue("Two monitors side by side for the planning tool.");
    await expect(rita.getByLabel(/Your height in cm/)).toHaveValue("176");
    await rita.getByLabel(/Desk top colour/).selectOption("Oak");
    await rita.getByTestId("submit").click();
    await expect(rita).toHaveURL(/\/requests\/REQ\d+\?submitted=1/);
    await expect(rita.getByText("Desk top colour")).toBeVisible();

    // The first ticket still shows the questions of version 1.
    await rita.goto(firstTicket);
    await expect(rita.getByText("Your height in cm")).toBeVisible();
    await expect(rita.getByText("Desk top colour")).toHaveCount(0);
    await rita.context().close();
  });
});

test.describe("an editor translates a catalog item", () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });

  test("into German: previewed in German, published, read by a German browser while the answer keeps its own words", async ({
    page,
    browser,
  }) => {
    await signIn(page, EVE);
    await page.goto("/admin/catalog/monitor");
    await hydrated(page);
    const translations = page.getByTestId("item-translations");
    await expect(translations.getByLabel("Language", { exact: true })).toHaveValue("de");
    await translations.getByLabel("Name in German").fill("Bildschirm");
    const location = translations.locator('fieldset[data-field="location"]');
    await location.getByLabel("Label").fill("Wo wird der Bildschirm genutzt?");
    await location.getByLabel("Option “Home working”").fill("Homeoffice");
    // The preview reads German on request.
    const preview = page.getByTestId("form-preview");
    await expect(preview.getByText("Wo wird der Bildschirm genutzt?")).toHaveCount(0);
    await translations.getByLabel("Show the preview in this language").check();
    await expect(preview.getByText("Wo wird der Bildschirm genutzt?")).toBeVisible();
    await page.getByTestId("publish-item").click();
    await expect(page.getByTestId("item-message")).toContainText("Published");

    // A browser that asks for German reads the item in German; the answer is the option's own.
    const context = await browser.newContext({ locale: "de-DE" });
    const rita = await context.newPage();
    await signIn(rita, RITA);
    await rita.goto("/catalog/monitor");
    await expect(rita.getByRole("heading", { level: 1 })).toHaveText("Bildschirm");
    const where = rita.getByLabel(/Wo wird der Bildschirm genutzt/);
    await expect(where.locator("option", { hasText: "Homeoffice" })).toHaveAttribute("value", "Home working");
    await context.close();
  });
});

test("the form builder fits a phone: fields added, moved and removed by buttons", async ({ page }) => {
  await signIn(page, EVE);
  await page.goto("/admin/catalog/headset");
  await hydrated(page);
  const fields = page.getByTestId("builder-field");
  const before = await fields.count();
  expect(before).toBeGreaterThan(1);
  const secondLegend = await fields.nth(1).locator("legend").textContent();
  await fields.nth(1).getByTestId("builder-up").click();
  await expect(fields.nth(0).locator("legend")).toHaveText(secondLegend!.replace("Field 2", "Field 1"));
  await page.getByTestId("add-field").click();
  await expect(fields).toHaveCount(before + 1);
  await fields.last().getByTestId("builder-remove").click();
  await expect(fields).toHaveCount(before);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
