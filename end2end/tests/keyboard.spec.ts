import { expect, Locator, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../playwright.config";
import { hydrated, RITA, signIn, test } from "./helpers";
import { localIndexReady } from "./offline-pages";

// A person who uses no mouse and no touch: only Tab, the arrow keys, typing and Enter. Every
// step is found by tabbing to it, as they would; the test checks where focus is, never clicks.

/** Presses Tab until `target` has the focus; fails if it is not reached in `most` presses. */
async function tabTo(page: Page, target: Locator, most = 60) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, "reached with the Tab key").toBeFocused();
}

test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });

// Tom, whose approver no other test involves: a laptop needs approval, and a mail to Lena (Rita's
// manager) at the same moment as mail.spec.ts's would be digested with it.
const TOM = { email: "tom.requester@deskfront.test", name: "Tom Gallagher" };

test("order a laptop with the keyboard alone: sign in, answer, fix, submit, read the number", async ({ page }) => {
  await page.goto("/login");
  await hydrated(page);

  // The first stop is the skip link; it takes focus past the header to the page.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();

  await tabTo(page, page.getByLabel("Email address"));
  await page.keyboard.type(TOM.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("user-name")).toHaveText(TOM.name);
  await hydrated(page);

  // The catalog: filter, then tab to the laptop and open it.
  await tabTo(page, page.getByLabel("Filter the catalog"));
  await page.keyboard.type("laptop");
  const laptop = page.locator('a.item-card[href="/catalog/laptop"]');
  await expect(laptop).toBeVisible();
  await tabTo(page, laptop);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Laptop");
  await hydrated(page);
  // A navigation inside the portal puts focus on the new page, not on a link that is gone.
  await expect(page.locator("#main")).toBeFocused();

  // Sending it empty: focus goes to the first answer to fix, whose message is read out.
  const submit = page.getByTestId("submit");
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  const model = page.getByLabel(/Laptop model/);
  await expect(model).toBeFocused();
  await expect(page.getByTestId("field-model").locator(".field-error")).toHaveText("Pick an option.");

  // "Other" (typed to select it) asks for a justification, next in the tab order.
  await page.keyboard.type("Other");
  await expect(model).toHaveValue("Other");
  const justification = page.getByTestId("field-justification").locator("textarea");
  await tabTo(page, justification, 5);
  await page.keyboard.type("The planning tool needs a bigger screen and more memory than the standard model.");

  const neededBy = page.getByLabel(/Needed by/);
  await tabTo(page, neededBy, 10);
  await page.keyboard.type("02012027");
  await expect(neededBy).toHaveValue("2027-02-01");

  // A radio group is one tab stop; the arrow keys pick within it.
  const group = page.getByTestId("field-for_someone_else");
  await tabTo(page, group.getByRole("radio").first(), 10);
  const no = group.getByLabel("No");
  for (let i = 0; i < 4 && !(await no.isChecked()); i++) await page.keyboard.press("ArrowDown");
  await expect(no).toBeChecked();
  await expect(no).toBeFocused();

  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests\/REQ\d{7}/);
  await expect(page.getByTestId("submitted")).toBeVisible();
  await expect(page.getByTestId("request-number")).toHaveText(/^REQ\d{7}$/);
  await expect(page.locator(".request-header [data-state]")).toHaveText("Awaiting approval");
});

test("an article opened over a form holds the keyboard until it is closed, then gives it back", async ({ page }) => {
  await signIn(page, RITA);
  await hydrated(page);
  await localIndexReady(page);
  await page.goto("/catalog/receipt-printer-fault");
  await hydrated(page);

  await tabTo(page, page.getByLabel(/Describe the problem/));
  await page.keyboard.type("The receipts come out blank even after I put a new paper roll in");
  const opener = page.getByTestId("suggestion").first().getByRole("button");
  await expect(opener).toBeVisible();
  await tabTo(page, opener);
  await page.keyboard.press("Enter");

  const sheet = page.getByTestId("article-sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet).toBeFocused();
  // Round and round inside the sheet, forwards and backwards: never behind it.
  const inSheet = () => sheet.evaluate((s) => s.contains(document.activeElement));
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    expect(await inSheet(), `Tab ${i + 1} stays in the sheet`).toBe(true);
  }
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Shift+Tab");
    expect(await inSheet(), `Shift+Tab ${i + 1} stays in the sheet`).toBe(true);
  }

  // Escape closes it; focus is back on the suggestion that opened it, the answer still typed.
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(page.getByLabel(/Describe the problem/)).toHaveValue(/receipts come out blank/);
});
