import { expect, Page } from "@playwright/test";
import { AHMED, hydrated, RITA, SAM, scheduledChange, signIn, test } from "./helpers";

const ADA = { email: "ada.admin@deskfront.test", name: "Ada Whitfield" };

// A March two years ahead: no other spec books changes there.
const YEAR = new Date().getFullYear() + 2;
const DAY = `${YEAR}-03-10`;
/** The day of March on which the week holding the 10th begins (weeks begin on Monday). */
const MONDAY = 10 - ((new Date(Date.UTC(YEAR, 2, 10)).getUTCDay() + 6) % 7);

test.describe.serial("the change calendar", () => {
  let leeds = "";
  let bristol = "";

  test("store staff see their store's changes on a phone, then every store's", async ({ page, browser }) => {
    const desk = await browser.newPage();
    await signIn(desk, AHMED);
    leeds = await scheduledChange(desk, "Card reader firmware at Leeds", "S012", "S012-CRD-01", new Date(Date.UTC(YEAR, 2, 10, 20)));
    bristol = await scheduledChange(desk, "Till update at Bristol", "S027", "S027-REG-01", new Date(Date.UTC(YEAR, 2, 10, 21)));
    // One within the next two weeks: the home page names it.
    const tonight = new Date(Date.now() + 5 * 86400_000);
    tonight.setUTCHours(3, 17, 0, 0);
    const printer = await scheduledChange(desk, "Receipt printer firmware at Leeds", "S012", "S012-PRN-01", tonight);
    await desk.close();

    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, SAM);
    await hydrated(page);
    const planned = page.getByTestId("planned-changes");
    await expect(planned.getByRole("heading", { name: "Planned in your store" })).toBeVisible();
    await expect(planned.locator(`[data-number=${printer}]`)).toContainText("Receipt printer firmware at Leeds");
    await expect(planned.locator(`[data-number=${leeds}]`)).toHaveCount(0);
    await page.getByRole("link", { name: "Calendar", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Change calendar" })).toBeVisible();
    await expect(page.getByLabel("Store")).toHaveValue("S012");
    await page.goto(`/calendar?span=month&day=${DAY}`);
    await hydrated(page);
    await expect(page.getByTestId("calendar-heading")).toHaveText(`March ${YEAR}`);
    const day = page.locator(`[data-testid=calendar-day][data-day="${DAY}"]`);
    await expect(day.locator(`[data-number=${leeds}]`)).toContainText("Card reader firmware at Leeds");
    await expect(day.locator(`[data-number=${bristol}]`)).toHaveCount(0);
    // On a phone a month is a list of the days with something on them.
    const empty = page.locator(`[data-testid=calendar-day][data-day="${YEAR}-03-11"]`);
    await expect(empty).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByLabel("Store").selectOption("all");
    await page.getByTestId("calendar-apply").click();
    await expect(page).toHaveURL(/store=all/);
    await expect(day.locator(`[data-number=${bristol}]`)).toBeVisible();
    await expect(day.locator(`[data-number=${leeds}]`)).toBeVisible();
    // Store staff read it; the change's own page is the desk's.
    await expect(day.locator(`[data-number=${leeds}] a`)).toHaveCount(0);

    await page.getByRole("link", { name: "Week" }).click();
    await expect(page.getByTestId("calendar-heading")).toContainText(`Week of Mon ${MONDAY} Mar`);
    await expect(page.getByTestId("calendar-day")).toHaveCount(7);
    await page.getByTestId("calendar-next").click();
    await expect(page.getByTestId("calendar-heading")).toContainText(`Week of Mon ${MONDAY + 7} Mar`);
    await expect(page.getByTestId("calendar-change")).toHaveCount(0);
    await expect(page.getByTestId("calendar-count")).toContainText("No changes planned");
  });

  test("the desk opens a change from the month, and makes, uses and ends its private link", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, AHMED);
    await page.goto(`/calendar?span=month&day=${DAY}`);
    await hydrated(page);
    const grid = page.getByTestId("calendar-grid");
    const columns = await grid.evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(" ").length);
    expect(columns).toBe(7);

    // The feed holds a year ahead: a change next month to find in it.
    const soon = new Date(Date.now() + 45 * 86400_000);
    soon.setUTCHours(21, 0, 0, 0);
    const nextMonth = await scheduledChange(page, "Scanner driver update at Glasgow", "S045", "", soon);

    await page.getByTestId("make-feed").click();
    const link = page.getByTestId("feed-link");
    await expect(link).toHaveValue(/\/calendar\.ics\?token=/);
    const url = await link.inputValue();
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const body = await feed.text();
    expect(body).toContain(`UID:${nextMonth}@deskfront`);
    expect(body).toContain("SUMMARY:Change freeze: Christmas trading");
    expect(body).not.toContain(`UID:${leeds}@deskfront`);
    await page.getByTestId("end-feed").click();
    await expect(page.getByTestId("feed-ended")).toBeVisible();
    expect((await page.request.get(url)).status()).toBe(404);

    await page.locator(`[data-testid=calendar-change][data-number=${leeds}] a`).first().click();
    await expect(page).toHaveURL(new RegExp(`/changes/${leeds}$`));
    await expect(page.getByRole("heading", { name: /Card reader firmware at Leeds/ })).toBeVisible();
  });

  test("an administrator adds a freeze for one store; a bad range is refused beside its field", async ({ page }) => {
    await signIn(page, ADA);
    await page.goto("/admin/freezes");
    await hydrated(page);
    await expect(page.getByRole("heading", { name: "Change freezes" })).toBeVisible();
    await expect(page.locator("[data-testid=freeze][data-name='Christmas trading']")).toBeVisible();
    await page.getByTestId("new-freeze").click();
    const form = page.locator("details.new-record form");
    await form.getByLabel("Name").fill("Glasgow stocktake");
    await form.getByLabel("First day").fill(`${YEAR}-03-12`);
    await form.getByLabel("Last day").fill(`${YEAR}-03-11`);
    await form.getByLabel("Stores").fill("S045");
    await form.getByTestId("save-freeze").click();
    await expect(form.getByTestId("error-last_day")).toContainText("must not be before");
    await expect(form.getByLabel("Name")).toHaveValue("Glasgow stocktake");
    await form.getByLabel("Last day").fill(`${YEAR}-03-13`);
    await form.getByTestId("save-freeze").click();
    const row = page.locator("[data-testid=freeze][data-name='Glasgow stocktake']");
    await expect(row).toContainText(`${YEAR}-03-12 to ${YEAR}-03-13 · S045`);

    await page.goto(`/calendar?span=week&day=${YEAR}-03-12&store=S045`);
    await expect(page.locator(`[data-testid=calendar-day][data-day="${YEAR}-03-12"] [data-testid=calendar-freeze]`)).toHaveText(
      "Freeze: Glasgow stocktake",
    );

    // Removed again, so the other tests' calendars stay as they were.
    await page.goto("/admin/freezes");
    await hydrated(page);
    await row.getByTestId("delete-freeze").click();
    await expect(row).toHaveCount(0);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the filters are a plain form, the freeze shows in December, and a bad address says what is wrong", async ({ page }) => {
      await signIn(page, RITA);
      await page.goto(`/calendar?span=week&day=${DAY}`);
      await expect(page.getByTestId("calendar-change")).toHaveCount(2);
      await page.getByLabel("Region").selectOption("North");
      await page.getByTestId("calendar-apply").click();
      await expect(page).toHaveURL(/region=North/);
      await expect(page.getByTestId("calendar-change")).toHaveCount(1);
      await expect(page.locator(`[data-number=${leeds}]`)).toBeVisible();

      await page.goto(`/calendar?span=month&day=${YEAR}-12-01`);
      const christmas = page.locator(`[data-testid=calendar-day][data-day="${YEAR}-12-24"]`);
      await expect(christmas.getByTestId("calendar-freeze")).toHaveText("Freeze: Christmas trading");
      await expect(page.locator(`[data-testid=calendar-day][data-day="${YEAR}-12-10"] [data-testid=calendar-freeze]`)).toHaveCount(0);

      const bad = await page.goto("/calendar?span=week&day=10.03.2028");
      expect(bad?.status()).toBe(400);
      await expect(page.getByTestId("calendar-error")).toContainText("2026-12-15");
    });
  });
});
