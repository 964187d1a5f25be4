import { expect } from "@playwright/test";
import { AHMED, reportPrinterFault, SAM, signIn, test } from "./helpers";

test("recurring faults on one printer become a problem with a cause and a workaround", async ({ page, browser }) => {
  await signIn(page, SAM);
  const suffix = Date.now().toString(36);
  const numbers: string[] = [];
  for (let i = 0; i < 3; i++) numbers.push(await reportPrinterFault(page, "S012", `e2e-prn-${suffix}-${i}`));

  const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const crashes: string[] = [];
  desk.on("pageerror", (e) => crashes.push(`${desk.url()}: ${e.message}`));
  await signIn(desk, AHMED);
  await desk.goto(`/requests/${numbers[2]}`);
  const related = desk.getByTestId("related-incidents");
  await expect(related).toContainText("Recurring fault");
  for (const other of numbers.slice(0, 2)) {
    await expect(related.locator(`[data-testid=related-incident][data-number=${other}]`)).toContainText("same device");
  }
  await desk.getByLabel("Problem title").fill("Receipt printer S012-PRN-01 prints blank receipts");
  await desk.getByTestId("open-problem").click();
  await expect(desk).toHaveURL(/\/problems\/PRB\d{7}/);
  await expect(desk.getByTestId("problem-incidents")).toContainText(numbers[0]);
  await expect(desk.getByTestId("problem-incidents")).toContainText(numbers[2]);

  await desk.getByLabel("Cause").fill("Thermal head worn out: the printer is past its service life.");
  await desk.getByLabel("Workaround").fill("Offer e-receipts; use register 3's printer for returns.");
  await desk.getByLabel("State").selectOption("known_error");
  await desk.getByTestId("save-problem").click();
  await expect(desk.getByTestId("problem-state")).toHaveText("Known error");
  await expect(desk.getByLabel("Cause")).toHaveValue(/Thermal head/);

  // Resolving without a fix is refused, and says why.
  await desk.getByLabel("State").selectOption("resolved");
  await desk.getByTestId("save-problem").click();
  await expect(desk.getByTestId("action-error")).toBeVisible();
  await expect(desk.getByTestId("problem-state")).toHaveText("Known error");

  // The incident's timeline records the link, for the desk only.
  await desk.goto(`/requests/${numbers[0]}`);
  await expect(desk.getByTestId("timeline")).toContainText("PRB");
  await page.goto(`/requests/${numbers[0]}`);
  await expect(page.getByTestId("timeline")).not.toContainText("PRB");
  expect(crashes).toEqual([]);
});
