import { expect } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_PASSWORD, MAIL_DIR } from "../playwright.config";
import { LENA, RITA, sameOrigin, signIn, signOut, test } from "./helpers";

// The portal mails the line manager when a request needs them; the manager opens the link in
// that mail and decides; the requester gets the decision by mail. The mails go over SMTP to a
// real server (end2end/support/mail-sink.mjs), which keeps them for the test to read.

type Mail = { envelope: { to: string[] }; subject: string; text: string; html: string };

/** Waits for the one mail to `to` that names `about` (in its subject, or in a digest's text). */
async function mailTo(to: string, about: string): Promise<Mail> {
  let found: Mail[] = [];
  await expect
    .poll(
      () => {
        found = readdirSync(MAIL_DIR)
          .filter((f) => f.endsWith(".json"))
          .map((f) => JSON.parse(readFileSync(join(MAIL_DIR, f), "utf8")) as Mail)
          .filter((m) => m.envelope.to.includes(to) && (m.subject.includes(about) || m.text.includes(about)));
        return found.length;
      },
      { timeout: 30_000, message: `a mail to ${to} about ${about}` },
    )
    .toBe(1);
  return found[0];
}

test("the manager approves from the link in the mail, and the requester hears of it by mail", async ({ page, baseURL }) => {
  await signIn(page, RITA);
  const res = await page.request.post("/api/submit_request", {
    headers: sameOrigin(page),
    data: {
      item_slug: "laptop",
      form_version: 1,
      idempotency_key: `mail-e2e-${Date.now()}`,
      answers: {
        model: ["Other"],
        justification: ["The planning tool needs more memory than the standard laptop has."],
        needed_by: ["2027-02-01"],
        for_someone_else: ["no"],
      },
    },
  });
  const order = await res.json();
  expect(res.ok(), JSON.stringify(order)).toBeTruthy();
  const number: string = order.number;
  await signOut(page);

  // Another suite running beside this one may ask Lena at the same moment: then both requests
  // come in one digest, which names each with its own link.
  const ask = await mailTo(LENA.email, number);
  if (ask.subject.startsWith("[")) {
    expect(ask.subject).toBe(`[${number}] ${RITA.name} asks for Laptop — approve or reject`);
  } else {
    expect(ask.subject).toMatch(/^\d+ requests wait for your approval$/);
    expect(ask.text).toContain(`${number} — ${RITA.name} asks for Laptop`);
  }
  const link = `${baseURL}/approvals#${number}`;
  expect(ask.text).toContain(link);
  expect(ask.html).toContain(`href="${link}"`);

  // Lena follows the link: signing in brings her back to the approvals, the request in view.
  await page.goto(link!);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email address").fill(LENA.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/approvals/);
  const card = page.locator(`#${number}`);
  await expect(card).toBeVisible();
  await card.getByLabel(/Comment/).fill("Approved from the mail.");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("decided")).toBeVisible();

  const decided = await mailTo(RITA.email, number);
  expect(decided.subject).toContain("was approved");
  expect(decided.text).toContain("Approved from the mail.");
  expect(decided.text).toContain(`${baseURL}/requests/${number}`);
});

test("a person turns a kind of mail off in their settings, and it stays off", async ({ page }) => {
  await signIn(page, RITA);
  await page.getByTestId("user-name").click();
  await expect(page).toHaveURL(/\/settings/);
  const form = page.getByTestId("mail-settings");
  await expect(form.getByTestId("mail-approval_needed")).toBeDisabled();
  await expect(form.getByTestId("mail-approval_needed")).toBeChecked();
  await form.getByTestId("mail-reply").uncheck();
  await page.getByTestId("save-settings").click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("mail-reply")).not.toBeChecked();
  await expect(page.getByTestId("mail-resolved")).toBeChecked();
  // Back on, so the other suites' journeys mail Rita as before.
  await page.getByTestId("mail-reply").check();
  await page.getByTestId("save-settings").click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
});
