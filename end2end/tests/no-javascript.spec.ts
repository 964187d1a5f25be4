import { expect } from "@playwright/test";
import { approve, expectApproved, LENA, RITA, signIn, signOut, test } from "./helpers";

// The same journey as a person whose browser runs no scripts (or before the WebAssembly
// arrives on a slow connection): every step must work with plain HTML forms.
test.use({ javaScriptEnabled: false });

test("order a laptop without JavaScript; a failed submit keeps every answer", async ({ page }) => {
  await signIn(page, RITA);

  // The filter box still works: it submits as a query.
  await page.getByLabel("Filter the catalog").fill("laptop");
  await page.getByLabel("Filter the catalog").press("Enter");
  await expect(page).toHaveURL(/\?q=laptop/);
  await expect(page.getByTestId("item-card").filter({ hasText: "Monitor" })).toHaveCount(0);
  await page.goto("/catalog/laptop");

  // Without scripts the conditional field is always there and says when it applies.
  await page.getByLabel(/Laptop model/).selectOption("Other");
  await expect(page.getByTestId("field-justification")).toContainText("Only if “Laptop model” is Other.");
  await page.getByTestId("field-justification").locator("textarea").fill("Too short");
  await page.getByLabel(/Needed by/).fill("2027-03-01");
  await page.getByTestId("field-for_someone_else").getByLabel("No").check();
  await page.getByTestId("submit").click();

  // The server sends the page back with the message next to the field and the answers kept.
  await expect(page.getByTestId("field-justification").locator(".field-error")).toContainText("at least 20");
  await expect(page.getByLabel(/Laptop model/)).toHaveValue("Other");
  await expect(page.getByTestId("field-justification").locator("textarea")).toHaveValue("Too short");
  await expect(page.getByLabel(/Needed by/)).toHaveValue("2027-03-01");

  await page.getByTestId("field-justification").locator("textarea").fill("Replacing a laptop with a cracked screen before the audit.");
  await page.getByTestId("submit").click();
  await expect(page).toHaveURL(/\/requests\/REQ\d{7}\?submitted=1/);
  await expect(page.getByTestId("submitted")).toBeVisible();
  const number = (await page.getByTestId("request-number").textContent())!.trim();

  await page.goto("/requests");
  await expect(page.getByTestId("request-row").filter({ hasText: number })).toContainText("Awaiting approval");

  await signOut(page);
  await signIn(page, LENA);
  await approve(page, number, "Fine by me.");
  await signOut(page);
  await signIn(page, RITA);
  await expectApproved(page, number);
});

test("wrong password is explained on the sign-in page", async ({ page }) => {
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/login\?next=%2Frequests/);
  await page.getByLabel("Email address").fill(RITA.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("That email and password do not match an account.");
  await expect(page.getByLabel("Email address")).toHaveValue(RITA.email);
});

test("search, filter and rate an article without JavaScript", async ({ page }) => {
  await signIn(page, RITA);
  await page.getByLabel("Search help articles and the catalog").first().fill("pritner wont print");
  await page.getByLabel("Search help articles and the catalog").first().press("Enter");
  await expect(page).toHaveURL(/\/search\?q=pritner/);
  const results = page.getByTestId("search-result");
  await expect(results.filter({ hasText: "Receipt printer not printing" })).toHaveCount(1);
  await expect(results.filter({ hasText: "Receipt printer fault" })).toHaveCount(1);
  await page.getByTestId("category-filters").getByRole("link", { name: /Printers/ }).click();
  await expect(results.filter({ hasText: "Receipt printer fault" })).toHaveCount(0);

  await results.filter({ hasText: "Receipt printer not printing" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/kb\/receipt-printer-not-printing\?q=pritner%20wont%20print$/);
  await expect(page.getByTestId("feedback-form").locator('input[name="query"]')).toHaveValue("pritner wont print");
  await page.getByLabel("No").check();
  await page.getByLabel(/What was missing/).fill("The photo of the paper path would help.");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByTestId("feedback-thanks")).toBeVisible();
});
