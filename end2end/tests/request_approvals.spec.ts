import { expect } from "@playwright/test";
import { approve, EVE, hydrated, LENA, RITA, sameOrigin, signIn, signOut, test } from "./helpers";

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

test("the catalog builder names an item's approval chain, and the next request goes through it", async ({ page, browser }) => {
  await signIn(page, EVE);
  await page.goto("/admin/catalog/docking-station");
  await hydrated(page);
  // A chain means nothing on an item that needs no approval: refused beside the choice.
  await page.getByLabel("Approved by").selectOption("software-purchase");
  await page.getByTestId("save-item").click();
  await expect(page.getByTestId("error-approval_chain")).toContainText("only when approval is required");
  await page.getByLabel("The requester's line manager approves first").check();
  await page.getByTestId("save-item").click();
  await expect(page.getByTestId("error-approval_chain")).toHaveCount(0);
  await page.getByTestId("publish-item").click();
  await expect(page.getByTestId("item-message")).toContainText("Published");

  const rita = await browser.newPage();
  await signIn(rita, RITA);
  const res = await rita.request.post("/api/submit_request", {
    headers: sameOrigin(rita),
    data: {
      item_slug: "docking-station",
      form_version: 1,
      idempotency_key: `e2e-dock-${Date.now().toString(36)}`,
      answers: {
        laptop_tag: ["LT004521"],
        delivery: ["My desk at head office"],
        delivery_details: ["3F-114"],
      },
    },
  });
  const body = await res.json();
  expect(res.ok(), JSON.stringify(body)).toBeTruthy();
  await rita.goto(`/requests/${body.number}`);
  await expect(rita.locator(".request-header [data-state]")).toHaveText("Awaiting approval");
  await expect(rita.getByTestId("approval-chain")).toContainText("Software purchase");
  await rita.close();
});

test("an approver away names who decides in their place, and ends it when back", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, PRIYA);
  await page.goto("/approvals");
  await hydrated(page);
  const away = page.getByTestId("delegations");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await away.getByLabel("E-mail address of the person who decides for you").fill("nobody@deskfront.test");
  await away.getByLabel("First day away").fill(day(0));
  await away.getByLabel("Last day away").fill(day(4));
  await away.getByTestId("delegate").click();
  await expect(away.getByTestId("error-to")).toContainText("nobody with this e-mail address");
  // What was typed stays; only the address needs mending.
  await expect(away.getByLabel("Last day away")).toHaveValue(day(4));
  await away.getByLabel("E-mail address of the person who decides for you").fill(EVE.email);
  await away.getByTestId("delegate").click();
  await expect(away.getByTestId("delegation")).toContainText(`${EVE.name} decides for you`);
  await away.getByTestId("end-delegation").click();
  await expect(away.getByTestId("delegation")).toHaveCount(0);
});
