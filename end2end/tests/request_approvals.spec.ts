import { expect } from "@playwright/test";
import { approve, hydrated, LENA, RITA, signIn, signOut, test } from "./helpers";

const PRIYA = { email: "priya.approver@deskfront.test", name: "Priya Shah" };

test("an expensive licence is approved by the line manager, then a software owner, and only then reaches the desk", async ({ page, browser }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, RITA);
  await page.goto("/catalog/software-licence");
  await hydrated(page);
  await page.getByLabel(/^Software/).first().selectOption("Adobe Creative Cloud");
  await page.getByLabel(/Number of licences/).fill("1");
  await page.getByLabel(/Cost centre/).fill("CC4120");
  await page.getByTestId("field-justification").locator("textarea").fill("The store planning drawings are made in Illustrator.");
  await page.getByTestId("submit").click();
  await expect(page).toHaveURL(/\/requests\/REQ\d{7}/);
  const number = (await page.getByTestId("request-number").textContent())!.trim();
  await expect(page.locator(".request-header [data-state]")).toHaveText("Awaiting approval");

  // Rita sees who decides, in order.
  const chain = page.getByTestId("approval-chain");
  await expect(chain).toContainText("Software purchase");
  const steps = chain.getByTestId("approval-step");
  await expect(steps.nth(0)).toHaveAttribute("data-state", "waiting");
  await expect(steps.nth(0)).toContainText(LENA.name);
  await expect(steps.nth(1)).toHaveAttribute("data-state", "later");

  await signOut(page);
  await signIn(page, LENA);
  await approve(page, number, "Budget is there.");
  await signOut(page);

  // After the manager, still waiting: the software owners decide now.
  await signIn(page, RITA);
  await page.goto(`/requests/${number}`);
  await expect(page.locator(".request-header [data-state]")).toHaveText("Awaiting approval");
  await expect(page.getByTestId("approval-step").nth(0)).toHaveAttribute("data-state", "approved");
  await expect(page.getByTestId("approval-step").nth(1)).toHaveAttribute("data-state", "waiting");

  // Priya, a software owner, without scripts.
  const noScripts = await browser.newContext({ javaScriptEnabled: false });
  const priya = await noScripts.newPage();
  await signIn(priya, PRIYA);
  await priya.goto("/approvals");
  const card = priya.locator(`[data-testid=approval-card][data-number=${number}]`);
  await expect(card).toContainText("Your step: Software owner");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(priya.getByTestId("decided")).toBeVisible();
  await noScripts.close();

  // Both approved: it is with the desk now.
  await page.reload();
  await expect(page.locator(".request-header [data-state]")).toHaveText("In progress");
  await expect(page.getByTestId("approval-status")).toHaveText("Approved");
  await expect(page.getByTestId("timeline")).toContainText("Line manager: approved — Budget is there.");
});
