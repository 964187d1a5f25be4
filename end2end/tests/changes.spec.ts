import { expect } from "@playwright/test";
import { AHMED, hydrated, RITA, sameOrigin, signIn, test } from "./helpers";

test("an agent raises a change from a problem, plans it and asks for authorisation", async ({ page, browser }) => {
  // A laptop fault: no store and no device, so no other spec's recurring faults see it.
  await signIn(page, RITA);
  const reported = await page.request.post("/api/submit_request", {
    headers: sameOrigin(page),
    data: {
      item_slug: "laptop-fault",
      form_version: 1,
      idempotency_key: `e2e-chg-${Date.now().toString(36)}`,
      answers: {
        laptop_tag: ["LT020931"],
        symptom: ["Battery not charging"],
        description: ["The battery stays at 0 % on the charger."],
        can_work: ["no"],
      },
    },
  });
  const body = await reported.json();
  expect(reported.ok(), JSON.stringify(body)).toBeTruthy();
  const incident: string = body.number;

  const desk = await browser.newPage({ viewport: { width: 360, height: 780 } });
  await signIn(desk, AHMED);
  const opened = await desk.request.post("/api/open_problem", {
    headers: sameOrigin(desk),
    form: { incident, title: "Devices stop charging after the weekend update" },
  });
  expect(opened.ok(), await opened.text()).toBeTruthy();
  const problem: string = await opened.json();

  // From the problem's page.
  await desk.goto(`/problems/${problem}`);
  await expect(desk.getByText("No change has been raised from this problem yet.")).toBeVisible();
  await desk.getByLabel("What will be changed").fill("Roll the weekend update back on S012-PRN-01");
  await desk.getByTestId("raise-change-button").click();
  await expect(desk).toHaveURL(/\/changes\/CHG\d{7}$/);
  await expect(desk.getByTestId("change-state")).toHaveText("Draft");
  await hydrated(desk);

  // A window that ends before it starts is refused beside the window, and what was typed stays.
  const year = new Date().getFullYear() + 1;
  await desk.getByLabel("Implementation plan").fill("Reinstall firmware 4.2 on S012-PRN-01 after closing.");
  await desk.getByLabel("Back-out plan").fill("Install 4.3 again.");
  await desk.getByLabel("Test plan").fill("Print a test receipt.");
  await desk.getByLabel("How many stores does it touch?").selectOption("one");
  await desk.getByLabel("Does it touch the tills or card payments?").selectOption("yes");
  await desk.getByLabel("Has it been tested on the same kind of device?").selectOption("no");
  await desk.getByLabel("Can it be backed out within an hour?").selectOption("no");
  await desk.getByLabel("Starts").fill(`${year}-03-10T22:00`);
  await desk.getByLabel("Ends").fill(`${year}-03-10T21:00`);
  await desk.getByLabel("Stores", { exact: true }).fill("S012");
  await desk.getByLabel("Devices").fill("S012-PRN-01");
  await desk.getByTestId("save-change").click();
  await expect(desk.getByTestId("error-window")).toContainText("must end after it starts");
  await expect(desk.getByLabel("Implementation plan")).toHaveValue("Reinstall firmware 4.2 on S012-PRN-01 after closing.");

  await desk.getByLabel("Ends").fill(`${year}-03-11T01:00`);
  await desk.getByTestId("save-change").click();
  await expect(desk.getByTestId("error-window")).toHaveCount(0);
  await expect(desk.getByTestId("change-timeline")).toContainText("saved");

  await desk.getByTestId("change-submit").click();
  await expect(desk.getByTestId("change-state")).toHaveText("Assess");
  await desk.getByTestId("change-request_authorisation").click();
  await expect(desk.getByTestId("change-state")).toHaveText("Authorise");
  // Settled now: read-only, with the risk the questionnaire gave.
  await expect(desk.getByTestId("change-summary")).toContainText("High risk");
  await expect(desk.getByTestId("change-summary")).toContainText("S012-PRN-01");
  await expect(desk.getByTestId("change-form")).toHaveCount(0);

  // The problem lists it.
  await desk.goto(`/problems/${problem}`);
  await expect(desk.getByTestId("problem-changes")).toContainText("Authorise");
  await desk.close();
});
