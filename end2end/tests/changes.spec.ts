import { expect } from "@playwright/test";
import { AHMED, hydrated, reportPrinterFault, SAM, sameOrigin, signIn, test } from "./helpers";

test("an agent raises a change from a problem, plans it and asks for authorisation", async ({ page, browser }) => {
  await signIn(page, SAM);
  const suffix = Date.now().toString(36);
  const incident = await reportPrinterFault(page, "S012", `e2e-chg-${suffix}`);

  const desk = await browser.newPage({ viewport: { width: 360, height: 780 } });
  await signIn(desk, AHMED);
  const opened = await desk.request.post("/api/open_problem", {
    headers: sameOrigin(desk),
    form: { incident, title: "Receipt printers at S012 print blank receipts" },
  });
  expect(opened.ok(), await opened.text()).toBeTruthy();
  const problem: string = await opened.json();

  // From the problem's page.
  await desk.goto(`/problems/${problem}`);
  await expect(desk.getByText("No change has been raised from this problem yet.")).toBeVisible();
  await desk.getByLabel("What will be changed").fill("Replace the thermal heads of S012's receipt printers");
  await desk.getByTestId("raise-change-button").click();
  await expect(desk).toHaveURL(/\/changes\/CHG\d{7}$/);
  await expect(desk.getByTestId("change-state")).toHaveText("Draft");
  await hydrated(desk);

  // A window that ends before it starts is refused beside the window, and what was typed stays.
  const year = new Date().getFullYear() + 1;
  await desk.getByLabel("Implementation plan").fill("Swap the head of S012-PRN-01 after closing.");
  await desk.getByLabel("Back-out plan").fill("Put the old head back.");
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
  await expect(desk.getByLabel("Implementation plan")).toHaveValue("Swap the head of S012-PRN-01 after closing.");

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
