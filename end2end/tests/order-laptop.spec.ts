import { expect } from "@playwright/test";
import { approve, expectApproved, hydrated, LENA, RITA, signIn, signOut, test } from "./helpers";

test("order a laptop with a conditional field, get it approved, see the approval", async ({ page }) => {
  await signIn(page, RITA);

  // Find the laptop by filtering the catalog.
  await hydrated(page);
  await page.getByLabel("Filter the catalog").fill("laptop");
  await expect(page.getByTestId("item-card").filter({ hasText: "Monitor" })).toHaveCount(0);
  await page.locator("a.item-card[href=\"/catalog/laptop\"]").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Laptop");
  await expect(page.getByTestId("approval-needed")).toContainText("Yes");
  await hydrated(page);

  // Submitting empty shows errors next to the fields, and sends nothing.
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expect(page.getByTestId("field-model").locator(".field-error")).toHaveText("Pick an option.");

  // The form changes as it is answered: "Other" asks for a justification.
  const justification = page.getByTestId("field-justification").locator("textarea");
  await expect(justification).toHaveCount(0);
  await page.getByLabel(/Laptop model/).selectOption("Other");
  await expect(justification).toBeVisible();
  await justification.fill("Too short");
  await justification.blur();
  await expect(page.getByTestId("field-justification").locator(".field-error")).toContainText("at least 20");
  await justification.fill("The planning tool needs a bigger screen and more memory than the standard model.");
  await expect(page.getByTestId("field-justification").locator(".field-error")).toHaveCount(0);
  await page.getByLabel(/Needed by/).fill("2027-02-01");
  await page.getByTestId("field-for_someone_else").getByLabel("No").check();

  await page.getByTestId("submit").click();
  await expect(page).toHaveURL(/\/requests\/REQ\d{7}/);
  await expect(page.getByTestId("submitted")).toBeVisible();
  const number = (await page.getByTestId("request-number").textContent())!.trim();
  await expect(page.locator(".request-header [data-state]")).toHaveText("Awaiting approval");

  await page.goto("/requests");
  const row = page.getByTestId("request-row").filter({ hasText: number });
  await expect(row).toContainText("Awaiting approval");

  await signOut(page);
  await signIn(page, LENA);
  await approve(page, number, "Approved, enjoy the new laptop.");
  await signOut(page);

  await signIn(page, RITA);
  await expectApproved(page, number);
  await expect(page.getByTestId("timeline")).toContainText("Approved, enjoy the new laptop.");
});

test("a draft survives a reload and can be discarded", async ({ page }) => {
  await signIn(page, RITA);
  await page.goto("/catalog/laptop");
  await hydrated(page);
  await page.getByLabel(/Laptop model/).selectOption("Other");
  await page.getByTestId("field-justification").locator("textarea").fill("Drafting this on the train, will finish later today.");
  // Drafts are written within a second of typing.
  await page.waitForTimeout(1_200);

  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await expect(page.getByLabel(/Laptop model/)).toHaveValue("Other");
  await expect(page.getByTestId("field-justification").locator("textarea")).toHaveValue(
    "Drafting this on the train, will finish later today.",
  );

  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByLabel(/Laptop model/)).toHaveValue("");
  await page.waitForTimeout(1_200);
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("draft-restored")).toHaveCount(0);
});
