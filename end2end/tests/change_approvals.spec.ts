import { expect, Page, Browser } from "@playwright/test";
import { AHMED, changeAskingAuthorisation, hydrated, LENA, MO, RITA, signIn, test } from "./helpers";

const PRIYA = { email: "priya.approver@deskfront.test", name: "Priya Shah" };

const HIGH_RISK = { reach: "one", payments: "yes", tested: "no", back_out: "no" };
const MEDIUM_RISK = { reach: "some", payments: "yes", tested: "yes", back_out: "yes" };

/**
 * A change as the desk leaves it for the approvers: raised from a problem on a laptop fault of
 * Rita's (which no other spec's related incidents see), planned on S012 and sent for
 * authorisation. Answers with its number.
 */
async function changeAwaitingAuthorisation(
  browser: Browser,
  desk: Page,
  kind: string,
  risk: Record<string, string>,
  window: [Date, Date],
): Promise<string> {
  const rita = await browser.newPage();
  await signIn(rita, RITA);
  const number = await changeAskingAuthorisation(desk, rita, {
    title: "Roll the display driver back",
    kind,
    risk,
    store: "S012",
    device: "",
    window,
  });
  await rita.close();
  return number;
}

test("a high-risk change in the Christmas freeze goes to the CAB, and two of its three members authorise it", async ({ page, browser }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, AHMED);
  // Next year's 20 December: inside the demo's yearly freeze, "Christmas trading".
  const year = new Date().getFullYear() + 1;
  const number = await changeAwaitingAuthorisation(browser, page, "normal", HIGH_RISK, [
    new Date(Date.UTC(year, 11, 20, 22)),
    new Date(Date.UTC(year, 11, 21, 1)),
  ]);

  // The desk sees the freeze before anyone approves, and who decides.
  await page.goto(`/changes/${number}`);
  await expect(page.getByTestId("change-state")).toHaveText("Authorise");
  await expect(page.getByTestId("change-conflicts")).toContainText("Christmas trading");
  const chain = page.getByTestId("approval-chain");
  await expect(chain).toContainText("Change advisory board");
  await expect(chain).toContainText("2 of 3 must approve");
  await expect(page.getByTestId("approval-status")).toHaveText("Waiting for decisions");

  // Lena, at 360 px with scripts: the change is on her Approvals page with the conflict.
  const lena = await browser.newPage({ viewport: { width: 360, height: 780 } });
  await signIn(lena, LENA);
  await lena.goto("/approvals");
  await hydrated(lena);
  const card = lena.locator(`[data-testid=change-approval-card][data-number=${number}]`);
  await expect(card).toContainText("Your step: CAB");
  await expect(card.getByTestId("change-conflicts")).toContainText("Christmas trading");
  await expect(card).toContainText("High risk");
  await card.getByLabel(/Comment/).fill("Only with the store manager on site.");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(lena.getByTestId("decided")).toBeVisible();
  await expect(lena.locator(`[data-testid=change-approval-card][data-number=${number}]`)).toHaveCount(0);
  await lena.close();

  // One of two: still waiting.
  await page.reload();
  await expect(page.getByTestId("change-state")).toHaveText("Authorise");

  // Priya, without scripts: the decision is a plain form.
  const noScripts = await browser.newContext({ javaScriptEnabled: false });
  const priya = await noScripts.newPage();
  await signIn(priya, PRIYA);
  await priya.goto("/approvals");
  const hers = priya.locator(`[data-testid=change-approval-card][data-number=${number}]`);
  await hers.getByRole("button", { name: "Approve" }).click();
  await expect(priya.getByTestId("decided")).toBeVisible();
  await noScripts.close();

  // The quorum is met: authorised, and the timeline says by whom.
  await page.reload();
  await expect(page.getByTestId("change-state")).toHaveText("Scheduled");
  await expect(page.getByTestId("approval-status")).toHaveText("Approved");
  await expect(page.getByTestId("change-timeline")).toContainText("Approved at step \"CAB\". “Only with the store manager on site.”");
  await expect(page.getByTestId("change-timeline")).toContainText(PRIYA.name);
});

test("an emergency change is authorised by one CAB member, carried out and its outcome recorded", async ({ page, browser }) => {
  await signIn(page, AHMED);
  const now = Date.now();
  const number = await changeAwaitingAuthorisation(browser, page, "emergency", MEDIUM_RISK, [
    new Date(now - 10 * 60_000),
    new Date(now + 2 * 3_600_000),
  ]);

  const mo = await browser.newPage();
  await signIn(mo, MO);
  await mo.goto("/approvals");
  const card = mo.locator(`[data-testid=change-approval-card][data-number=${number}]`);
  await expect(card).toContainText("Your step: Emergency CAB");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(mo.getByTestId("decided")).toBeVisible();
  await mo.close();

  await page.goto(`/changes/${number}`);
  await hydrated(page);
  await expect(page.getByTestId("change-state")).toHaveText("Scheduled");
  await page.getByTestId("change-start").click();
  await expect(page.getByTestId("change-state")).toHaveText("Implement");
  await page.getByLabel("Outcome").selectOption("backed_out");
  await page.getByTestId("change-finish").click();
  await expect(page.getByTestId("change-state")).toHaveText("Review");
  await page.getByLabel("Post-implementation review").fill("The old driver flickered too; backed out within the window.");
  await page.getByTestId("change-close").click();
  await expect(page.getByTestId("change-state")).toHaveText("Closed");
  await expect(page.getByTestId("change-summary")).toContainText("Backed out");
});
