import { expect, Page } from "@playwright/test";
import { MO, reportPrinterFault, RITA, SAM, signIn, test } from "./helpers";

/** The value shown for figure `key` on the dashboard. */
function figure(page: Page, key: string) {
  return page.getByTestId(`figure-${key}`).getByTestId("figure-value");
}

/** `figure,value,…` lines of a summary CSV, as a map from figure name to value. */
function csvFigures(csv: string): Map<string, string> {
  const rows = csv.trim().split("\r\n").slice(1);
  return new Map(rows.map((line) => [line.split(",")[0], line.split(",")[1]]));
}

test("the manager filters by store, follows a figure to its tickets, and the CSV has the page's numbers", async ({ page, browser }) => {
  // Stores S027 and S045 appear in no other spec: two faults at one, one at the other.
  await signIn(page, SAM);
  const suffix = Date.now().toString(36);
  const bristol = [
    await reportPrinterFault(page, "S027", `e2e-dash-${suffix}-1`),
    await reportPrinterFault(page, "S027", `e2e-dash-${suffix}-2`),
  ];
  const other = await reportPrinterFault(page, "S045", `e2e-dash-${suffix}-3`);

  const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const crashes: string[] = [];
  desk.on("pageerror", (e) => crashes.push(`${desk.url()}: ${e.message}`));
  await signIn(desk, MO);
  await desk.getByRole("link", { name: "Dashboard" }).click();
  await expect(desk.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  // Charts are drawn on the server with accessible names.
  await expect(desk.getByRole("img", { name: /Tickets opened and resolved/ })).toBeVisible();
  const everywhere = Number(await figure(desk, "opened").textContent());
  expect(everywhere).toBeGreaterThanOrEqual(3);

  await desk.locator("select[name=store]").selectOption("S027");
  await desk.getByRole("button", { name: "Show" }).click();
  await expect(desk).toHaveURL(/store=S027/);
  await expect(figure(desk, "opened")).toHaveText("2");
  await expect(figure(desk, "backlog")).toHaveText("2");
  await expect(desk.getByTestId("stores-table")).toContainText("Bristol Cabot Circus");
  await expect(desk.getByTestId("assets-table").locator("tr[data-key=S027-PRN-01]")).toContainText("2");

  await desk.locator("select[name=store]").selectOption("S045");
  await desk.getByRole("button", { name: "Show" }).click();
  await expect(desk).toHaveURL(/store=S045/);
  await expect(figure(desk, "opened")).toHaveText("1");
  await expect(figure(desk, "opened")).toHaveAttribute("href", /set=opened.*store=S045/);

  // The figure links to exactly the tickets it counts.
  await figure(desk, "opened").click();
  await expect(desk.getByTestId("set-title")).toHaveText("Opened in the period");
  await expect(desk.getByTestId("set-row")).toHaveCount(1);
  await expect(desk.locator(`[data-testid=set-row][data-number=${other}]`)).toBeVisible();
  await desk.getByRole("link", { name: "← Dashboard" }).click();
  await expect(desk).toHaveURL(/store=S045/);

  await desk.locator("select[name=store]").selectOption("S027");
  await desk.getByRole("button", { name: "Show" }).click();
  await expect(figure(desk, "opened")).toHaveText("2");
  await figure(desk, "backlog").click();
  for (const number of bristol) {
    await expect(desk.locator(`[data-testid=set-row][data-number=${number}]`)).toBeVisible();
  }
  await desk.goBack();
  await expect(figure(desk, "opened")).toHaveText("2");

  // The summary CSV carries the numbers on the page, under the same filters.
  const href = await desk.getByTestId("csv-summary").getAttribute("href");
  expect(href).toContain("store=S027");
  const res = await desk.request.get(href!);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const csv = csvFigures(await res.text());
  for (const [key, name] of [
    ["opened", "Opened"],
    ["resolved", "Resolved"],
    ["backlog", "Backlog"],
    ["response_compliance", "First response SLA"],
    ["reopen_rate", "Reopen rate"],
  ]) {
    expect(csv.get(name), name).toBe((await figure(desk, key).textContent())?.trim());
  }
  expect(csv.get("Opened")).toBe("2");

  // How each figure is counted is written beside it.
  await desk.getByTestId("figure-backlog").getByText("How is this counted?").click();
  await expect(desk.getByTestId("figure-backlog")).toContainText("Resolved tickets are not backlog");
  expect(crashes).toEqual([]);
});

test("the change figures link to the changes behind them and their CSV", async ({ page }) => {
  await signIn(page, MO);
  await page.goto("/dashboard");
  const changes = page.getByTestId("change-figures");
  await expect(changes.getByRole("heading", { name: "Changes" })).toBeVisible();
  for (const key of ["change_success_rate", "emergency_change_share", "changes_causing_incidents", "approval_lead_time"]) {
    await expect(changes.getByTestId(`figure-${key}`)).toBeVisible();
  }
  await figure(page, "approval_lead_time").click();
  await expect(page).toHaveURL(/\/dashboard\/changes\?set=authorised/);
  await expect(page.getByTestId("set-title")).toHaveText("Changes authorised");
  const rows = await page.getByTestId("set-row").count();
  await expect(page.getByTestId("set-total")).toContainText(rows === 1 ? "1 change" : `${rows} changes`);
  const csv = await page.request.get((await page.getByTestId("csv-changes").getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("number,title,kind,outcome,when,stores,incidents,approval_minutes");
  expect(lines.length - 1).toBe(rows);
});

test("a requester is told the dashboard is not for them", async ({ page }) => {
  await signIn(page, RITA);
  await page.goto("/dashboard");
  await expect(page.getByRole("alert")).toContainText("for the service desk and its managers");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });

  test("the dashboard, its filters, charts and daily report work as plain pages", async ({ page }) => {
    await signIn(page, MO);
    await page.goto("/dashboard");
    await expect(page.getByRole("img", { name: /Tickets opened and resolved/ })).toBeVisible();
    await page.locator("select[name=priority]").selectOption("P1");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/priority=P1/);
    await expect(page.locator("select[name=priority]")).toHaveValue("P1");
    await expect(page.getByTestId("definitions")).toBeVisible();

    await page.goto("/dashboard/daily?date=2026-01-05");
    await expect(page.getByRole("heading", { name: "Daily service report" })).toBeVisible();
    await expect(page.getByTestId("period-label")).toContainText("Mon 5 Jan 2026");
    await expect(figure(page, "opened")).toHaveText("0");
    await expect(page.getByTestId("breached-none")).toBeVisible();

    await page.goto("/dashboard/changes?set=unsuccessful&region=North");
    await expect(page.getByTestId("set-title")).toHaveText("Changes that failed or were backed out");
    await expect(page.getByText("region North")).toBeVisible();
  });
});
