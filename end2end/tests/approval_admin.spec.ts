import { expect } from "@playwright/test";
import { hydrated, signIn, test } from "./helpers";

const ADA = { email: "ada.admin@deskfront.test", name: "Ada Whitfield" };

// The policy and the questionnaire are shared by every spec: these tests create their own chain
// and remove it, and save the policy and the questionnaire only as they are.
test.describe.serial("approval chains, the change policy and the risk questionnaire", () => {
  test("an administrator builds a two-step chain; a quorum the group cannot meet is refused beside its field", async ({ page }) => {
    await signIn(page, ADA);
    await page.goto("/admin/approvals");
    await hydrated(page);
    await expect(page.getByRole("heading", { name: "Approval chains and change policy" })).toBeVisible();
    const cab = page.locator("[data-testid=chain][data-key=cab]");
    await expect(cab.getByTestId("chain-used")).toHaveText("Used by the change policy");
    await expect(cab).toContainText("CAB: 2 of Change advisory board");

    await page.getByTestId("new-chain").click();
    const form = page.locator("details.new-record form");
    await form.getByTestId("chain-name").fill("Hardware purchase");
    const [first, second] = [form.getByTestId("chain-step").nth(0), form.getByTestId("chain-step").nth(1)];
    await first.getByTestId("step-name").fill("Line manager");
    await second.getByTestId("step-name").fill("Hardware budget");
    await second.getByTestId("step-approver").selectOption("group");
    await second.getByTestId("step-group").selectOption("Change advisory board");
    await second.getByTestId("step-needed").selectOption("quorum");
    await second.getByTestId("step-quorum").fill("4");
    await second.getByTestId("step-when-field").fill("cost");
    await second.getByLabel("Comparison").selectOption("greater_than");
    await second.getByTestId("step-when-values").fill("500");
    await form.getByTestId("save-chain").click();
    await expect(form.getByTestId("error-step-1-quorum")).toContainText("its group has 3 members");
    await expect(form.getByTestId("chain-name")).toHaveValue("Hardware purchase");
    await second.getByTestId("step-quorum").fill("2");
    await form.getByTestId("save-chain").click();

    const hardware = page.locator("[data-testid=chain][data-key=hardware-purchase]");
    await expect(hardware).toContainText("Line manager: the line manager");
    await expect(hardware).toContainText("Hardware budget: 2 of Change advisory board (only when cost");
    await expect(hardware.getByTestId("chain-used")).toHaveText("Not used yet");

    // The CAB's chain is in the policy, so it stays, and the page says why.
    await cab.getByTestId("delete-chain").click();
    await expect(cab.getByTestId("chain-refused")).toContainText("the change policy");
    await expect(cab).toBeVisible();
    await hardware.getByTestId("delete-chain").click();
    await expect(hardware).toHaveCount(0);
  });

  test("the policy names a chain per kind and risk, and saves as it was chosen", async ({ page }) => {
    await signIn(page, ADA);
    await page.goto("/admin/approvals");
    await hydrated(page);
    const policy = page.getByTestId("change-policy");
    await expect(policy.getByLabel("Normal · high risk")).toHaveValue("cab");
    await expect(policy.getByLabel("Emergency · low risk")).toHaveValue("emergency-cab");
    await policy.getByTestId("save-policy").click();
    await expect(page.getByTestId("policy-saved")).toBeVisible();
    await expect(page.getByTestId("change-policy").getByLabel("Normal · high risk")).toHaveValue("cab");
  });

  test("the risk questionnaire refuses thresholds it cannot reach beside the field, then saves", async ({ page }) => {
    await signIn(page, ADA);
    await page.goto("/admin/risk");
    await hydrated(page);
    await expect(page.getByRole("heading", { name: "Change risk questionnaire" })).toBeVisible();
    await expect(page.getByTestId("risk-question-text").first()).toHaveValue("How many stores does it touch?");
    await page.getByTestId("risk-high-from").fill("99");
    await page.getByTestId("save-risk").click();
    await expect(page.getByTestId("error-high_from")).toContainText("15");
    await expect(page.getByTestId("risk-high-from")).toHaveValue("99");
    await page.getByTestId("risk-high-from").fill("8");
    await page.getByTestId("save-risk").click();
    await expect(page.getByTestId("risk-saved")).toBeVisible();
    await expect(page.getByTestId("risk-starter")).toHaveCount(0);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("a chain is a plain form: a refusal comes back as a notice, a chain is created and removed", async ({ page }) => {
      await signIn(page, ADA);
      await page.goto("/admin/approvals");
      const form = page.locator("details.new-record form");
      await page.getByTestId("new-chain").click();
      await form.getByTestId("chain-name").fill("Facilities");
      await form.getByTestId("chain-step").nth(0).getByTestId("step-name").fill("Facilities lead");
      await form.getByTestId("chain-step").nth(0).getByTestId("step-approver").selectOption("person");
      await form.getByTestId("chain-step").nth(0).getByTestId("step-email").fill("nobody@deskfront.test");
      await form.getByTestId("save-chain").click();
      await expect(page.getByTestId("page-error")).toBeVisible();

      await page.getByTestId("new-chain").click();
      await form.getByTestId("chain-name").fill("Facilities");
      await form.getByTestId("chain-step").nth(0).getByTestId("step-name").fill("Facilities lead");
      await form.getByTestId("chain-step").nth(0).getByTestId("step-approver").selectOption("person");
      await form.getByTestId("chain-step").nth(0).getByTestId("step-email").fill("mo.manager@deskfront.test");
      await form.getByTestId("save-chain").click();
      const facilities = page.locator("[data-testid=chain][data-key=facilities]");
      await expect(facilities).toContainText("Facilities lead: mo.manager@deskfront.test");
      await facilities.getByTestId("delete-chain").click();
      await expect(facilities).toHaveCount(0);
    });
  });
});
