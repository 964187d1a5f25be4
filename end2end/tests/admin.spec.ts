import { expect, Page } from "@playwright/test";
import { EVE, hydrated, sameOrigin, signIn, test } from "./helpers";

const ADA = { email: "ada.admin@deskfront.test", name: "Ada Whitfield" };

/** Chooses `csv` as the file of the import panel `panel` and checks it. */
async function checkFile(page: Page, panel: string, name: string, csv: string) {
  const section = page.getByTestId(panel);
  await section.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf-8"),
  });
  await section.getByTestId("check").click();
  return section;
}

test.describe("an administrator sets up stores and devices", () => {
  test("a stores file with a bad row shows the row and imports nothing; the fixed file imports, then its devices and stickers", async ({
    page,
  }) => {
    await signIn(page, ADA);
    await page.goto("/admin/stores");
    await hydrated(page);
    await expect(page.getByRole("heading", { name: "Stores and devices" })).toBeVisible();
    await expect(page.getByTestId("store-list")).not.toContainText("S901");

    const bad =
      "code,name,region,timezone\n" +
      "S901,Hamburg Altona,North,Europe/Berlin\n" +
      "S902,Bremen Hbf,North,Europe/Berlin\n" +
      "S903,Kiel,North,Europe/Kiel\n";
    let stores = await checkFile(page, "import-stores", "stores.csv", bad);
    const refused = stores.getByTestId("refused-row");
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText("Line 4");
    await expect(refused).toContainText("not a time zone");
    await expect(stores.getByTestId("apply")).toBeDisabled();
    await page.reload();
    await expect(page.getByTestId("store-list")).not.toContainText("S901");

    await hydrated(page);
    const good = bad.replace("Europe/Kiel", "Europe/Berlin");
    stores = await checkFile(page, "import-stores", "stores.csv", good);
    await expect(stores.getByTestId("import-report")).toContainText("3 new, 0 changed");
    await stores.getByTestId("apply").click();
    await expect(stores.getByTestId("import-report")).toHaveAttribute("data-applied", "true");
    await expect(page.getByTestId("store-list")).toContainText("S901");

    const devices = await checkFile(
      page,
      "import-devices",
      "devices.csv",
      "tag,store,kind,model,name\nS901-REG-01,S901,register,TP-500,Till 1\nS901-REG-02,S901,register,TP-500,Till 2\n",
    );
    await expect(devices.getByTestId("import-report")).toContainText("2 new");
    await devices.getByTestId("apply").click();
    await expect(devices.getByTestId("import-report")).toHaveAttribute("data-applied", "true");

    await page.getByRole("link", { name: /S901/ }).first().click();
    await expect(page.getByTestId("device-list").locator("li")).toHaveCount(2);
    await page.getByTestId("stickers-link").click();
    const stickers = page.getByTestId("sticker");
    await expect(stickers).toHaveCount(2);
    await expect(stickers.first()).toHaveAttribute("data-link", /\/report\?store=S901&asset=S901-REG-01$/);
    await expect(stickers.first().locator("svg")).toBeVisible();

    // Each applied import is in the audit log; the checks and the refused file are not.
    await page.goto("/admin/audit?kind=import");
    const entries = page.getByTestId("audit-entry");
    await expect(entries.filter({ hasText: "stores: 3 created" })).toHaveCount(1);
    await expect(entries.filter({ hasText: "devices: 2 created" })).toHaveCount(1);
  });
});

test.describe("an administrator imports people from HR", () => {
  test("a people file with one bad row shows the row and imports nobody; fixed, it imports everyone, and a password link lets one sign in", async ({
    page,
    browser,
  }) => {
    await signIn(page, ADA);
    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/people/);
    await hydrated(page);
    const bad =
      "email,name,role,manager,store,groups\n" +
      "hanna.hr@corp.example,Hanna Hoffmann,approver,,,\n" +
      "jonas.till@corp.example,Jonas Till,store_staff,hanna.hr@corp.example,S012,\n" +
      "kim.agent@corp.example,Kim Agent,agent,nobody@corp.example,,Service desk\n";
    let people = await checkFile(page, "import-people", "people.csv", bad);
    const refused = people.getByTestId("refused-row");
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText("Line 4");
    await expect(refused).toContainText("nobody@corp.example");
    await expect(people.getByTestId("apply")).toBeDisabled();
    await page.goto("/admin/people?q=corp.example");
    await expect(page.getByTestId("no-people")).toBeVisible();

    await hydrated(page);
    people = await checkFile(page, "import-people", "people.csv", bad.replace("nobody@corp.example", "hanna.hr@corp.example"));
    await expect(people.getByTestId("import-report")).toContainText("3 new");
    await people.getByTestId("apply").click();
    await expect(people.getByTestId("import-report")).toHaveAttribute("data-applied", "true");
    await expect(page.getByTestId("person")).toHaveCount(3);
    const jonas = page.locator('[data-testid=person][data-email="jonas.till@corp.example"]');
    await expect(jonas).toContainText("reports to hanna.hr@corp.example");

    // Jonas has no password yet: Ada hands him a one-time link, he sets one and signs in.
    await jonas.getByTestId("password-link").click();
    const link = await jonas.getByTestId("new-password-link").locator("code").textContent();
    expect(link).toContain("/set-password?token=");
    const other = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const his = await other.newPage();
    await his.goto(link!);
    await expect(his.getByTestId("link-owner")).toHaveText("jonas.till@corp.example");
    await his.getByLabel("New password").fill("till three is my favourite");
    await his.getByLabel("The same again").fill("till three is my favourite");
    await his.getByRole("button", { name: "Set password" }).click();
    await expect(his.getByTestId("password-set")).toBeVisible();
    await his.getByLabel("Email address").fill("jonas.till@corp.example");
    await his.getByLabel("Password").fill("till three is my favourite");
    await his.getByRole("button", { name: "Sign in" }).click();
    await expect(his.getByTestId("user-name")).toHaveText("Jonas Till");
    await other.close();
  });
});

test.describe("administration without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the audit log filters with its form, and a bad date is shown beside its field", async ({ page }) => {
    await signIn(page, ADA);
    // Something to find: an import (through the API, as the page's script would send it).
    const imported = await page.request.post("/api/import_csv", {
      headers: sameOrigin(page),
      data: { file: "stores", csv: "code,name,region,timezone\nS960,Dresden,East,Europe/Berlin\n", apply: true },
    });
    expect((await imported.json()).applied).toBe(true);
    await page.goto("/admin/audit");
    await page.getByLabel("What", { exact: true }).selectOption("import");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/kind=import/);
    await expect(page.getByLabel("What", { exact: true })).toHaveValue("import");
    const entries = page.getByTestId("audit-entry");
    await expect(entries.first()).toBeVisible();
    const kinds = await entries.evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k === "import")).toBe(true);

    const res = await page.goto("/admin/audit?from=2026-13-40");
    expect(res?.status()).toBe(400);
    await expect(page.locator(".field-error")).toContainText("YYYY-MM-DD");
  });

  test("one person and one device are edited with plain forms; a bad value comes back as an error", async ({ page }) => {
    await signIn(page, ADA);
    await page.goto("/admin/people?q=tom.requester");
    const tom = page.locator('[data-testid=person][data-email="tom.requester@deskfront.test"]');
    await tom.getByTestId("edit-person").click();
    await tom.getByLabel("Home store (code)").fill("S999");
    await tom.getByRole("button", { name: "Save person" }).click();
    await expect(page.getByRole("alert")).toContainText("There is no store S999");
    await page.goto("/admin/people?q=tom.requester");
    await tom.getByTestId("edit-person").click();
    await tom.getByLabel("Role", { exact: true }).selectOption("store_staff");
    await tom.getByLabel("Home store (code)").fill("S012");
    await tom.getByRole("button", { name: "Save person" }).click();
    await page.goto("/admin/people?q=tom.requester");
    await expect(tom).toContainText("Store staff");
    await expect(tom).toContainText("store S012");

    await page.goto("/admin/stores/S012");
    await page.getByTestId("new-device").click();
    const add = page.locator("details.new-record");
    await add.getByLabel("Asset tag").fill("S012-KSK-01");
    await add.getByLabel("Kind", { exact: true }).fill("kiosk");
    await add.getByLabel("Model", { exact: true }).fill("K-10");
    await add.getByLabel("Name", { exact: true }).fill("Self-service kiosk");
    await add.getByRole("button", { name: "Add device" }).click();
    await expect(page).toHaveURL(/\/admin\/stores\/S012$/);
    await expect(page.locator('[data-testid=device][data-tag="S012-KSK-01"]')).toContainText("Self-service kiosk");
  });

  test("a group is created, given a member and renamed with plain forms", async ({ page }) => {
    await signIn(page, ADA);
    await page.goto("/admin/groups");
    await page.getByTestId("new-group").click();
    const add = page.locator("details.new-record");
    await add.getByLabel("Name").fill("Payments");
    await add.getByLabel("What it does").fill("Card terminals and their contracts");
    await add.getByRole("button", { name: "Create group" }).click();
    const payments = page.locator('[data-testid=group][data-name="Payments"]');
    await expect(payments).toContainText("Card terminals and their contracts");
    await payments.getByLabel("Add a member (e-mail address)").fill("nobody@deskfront.test");
    await payments.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByTestId("page-error")).toContainText("no active person");
    await payments.getByLabel("Add a member (e-mail address)").fill("nina.network@deskfront.test");
    await payments.getByRole("button", { name: "Add", exact: true }).click();
    await expect(payments.getByTestId("member")).toHaveText(/nina\.network@deskfront\.test/);
    await payments.getByTestId("edit-group").click();
    await payments.getByLabel("Name").fill("Payments and cards");
    await payments.getByRole("button", { name: "Save group" }).click();
    const renamed = page.locator('[data-testid=group][data-name="Payments and cards"]');
    await expect(renamed.getByTestId("member")).toHaveCount(1);
    await expect(page.locator('[data-testid=group][data-name="Payments"]')).toHaveCount(0);
  });

  test("someone who is not an administrator finds no administration pages", async ({ page }) => {
    await signIn(page, EVE);
    for (const path of ["/admin/stores", "/admin/audit", "/admin/stores/S012/stickers"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
    }
  });
});
