import { test as base, expect, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../playwright.config";

/**
 * Playwright's `test`, failing any test whose page threw: a panic in the WebAssembly (a hydration
 * mismatch, a disposed signal) stops every link and button silently, and a test that only
 * looks at the server-rendered HTML would still pass. A script, style or request the
 * Content-Security-Policy refused fails the test too: the portal must run under its own policy.
 */
export const test = base.extend<{ crashGuard: void }>({
  crashGuard: [
    async ({ page }, use) => {
      const crashes: string[] = [];
      page.on("pageerror", (e) => crashes.push(`${page.url()}: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" && m.text().includes("Content Security Policy")) {
          crashes.push(`${page.url()}: ${m.text()}`);
        }
      });
      await use();
      expect(crashes, "the page threw or broke its security policy (see the messages)").toEqual([]);
    },
    { auto: true },
  ],
});

export const RITA = { email: "rita.requester@deskfront.test", name: "Rita Patel" };
export const LENA = { email: "lena.lead@deskfront.test", name: "Lena Lindqvist" };
export const EVE = { email: "eve.editor@deskfront.test", name: "Eve Thompson" };

export async function signIn(page: Page, who: { email: string; name: string }) {
  await page.goto("/login");
  // By the fields' ids, not their labels: the page is in the browser's language.
  const form = page.getByTestId("password-form");
  await form.locator("#email").fill(who.email);
  await form.locator("#password").fill(DEMO_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId("user-name")).toHaveText(who.name);
}

/** The `Origin` header a post from the portal's own page carries (API requests send none). */
export function sameOrigin(page: Page): Record<string, string> {
  return { Origin: new URL(page.url()).origin };
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Waits until the WebAssembly has taken over the page. */
export async function hydrated(page: Page) {
  await page.locator("body[data-hydrated=true]").waitFor({ timeout: 30_000 });
}

/** The manager approves `number` from their approvals list; works with or without scripts. */
export async function approve(page: Page, number: string, comment: string) {
  await page.goto("/approvals");
  const card = page.locator(`[data-testid=approval-card][data-number=${number}]`);
  await expect(card).toBeVisible();
  await card.getByLabel(/Comment/).fill(comment);
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("decided")).toBeVisible();
  await expect(page.locator(`[data-testid=approval-card][data-number=${number}]`)).toHaveCount(0);
}

/** The requester opens the request and sees the manager's approval on its timeline. */
export async function expectApproved(page: Page, number: string) {
  await page.goto(`/requests/${number}`);
  await expect(page.locator(".request-header [data-state]")).toHaveText("In progress");
  const approval = page.locator("[data-testid=timeline] [data-kind=approval_approved]");
  await expect(approval).toContainText("Approved");
  await expect(approval).toContainText(LENA.name);
}

export const SAM = { email: "sam.store@deskfront.test", name: "Sam O'Connor" };
export const AHMED = { email: "ahmed.agent@deskfront.test", name: "Ahmed Hassan" };
export const MO = { email: "mo.manager@deskfront.test", name: "Mo Okafor" };

/**
 * A receipt printer fault on `store`'s printer (the signed-in person reports it), through the
 * server function the fault form uses. Returns the ticket number.
 */
export async function reportPrinterFault(page: Page, store: string, key: string): Promise<string> {
  const res = await page.request.post("/api/submit_request", {
    // As the page's own script would: a post that names no origin is refused.
    headers: sameOrigin(page),
    data: {
      item_slug: "receipt-printer-fault",
      form_version: 1,
      idempotency_key: key,
      answers: {
        store: [store],
        asset: [`${store}-PRN-01`],
        symptom: ["Faded or blank receipts"],
        impact: ["one_device"],
        urgency: ["today"],
        description: ["Receipts come out blank again, third time this fortnight."],
      },
    },
  });
  const body = await res.json();
  expect(res.ok(), JSON.stringify(body)).toBeTruthy();
  return body.number;
}

const LOW_RISK = { reach: "one", payments: "no", tested: "yes", back_out: "yes" };

async function postForm(page: Page, endpoint: string, form: Record<string, string>) {
  const res = await page.request.post(`/api/${endpoint}`, { headers: sameOrigin(page), form });
  const body = await res.text();
  expect(res.ok(), `${endpoint}: ${body}`).toBeTruthy();
  return JSON.parse(body);
}

/** What a change is planned as (`changeAskingAuthorisation`). */
export interface ChangePlan {
  title: string;
  kind: string;
  risk: Record<string, string>;
  store: string;
  device: string;
  window: [Date, Date];
}

/**
 * A change as the desk leaves it once it has asked for authorisation, through the server
 * functions the change page uses: raised from a problem opened on a laptop fault `reporter`
 * files (the desk itself, or a requester's page), planned as `plan`, submitted and sent for
 * authorisation. A low-risk standard change is then scheduled; others wait for their approval
 * chain. Answers with its number.
 */
export async function changeAskingAuthorisation(desk: Page, reporter: Page, plan: ChangePlan): Promise<string> {
  const res = await reporter.request.post("/api/submit_request", {
    headers: sameOrigin(reporter),
    data: {
      item_slug: "laptop-fault",
      form_version: 1,
      idempotency_key: `e2e-chg-${plan.kind}-${plan.store}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      answers: {
        laptop_tag: ["LT020977"],
        symptom: ["Screen damaged"],
        description: ["Flickers after the driver update."],
        can_work: ["yes"],
      },
    },
  });
  const reported = await res.json();
  expect(res.ok(), JSON.stringify(reported)).toBeTruthy();
  const problem: string = await postForm(desk, "open_problem", { incident: reported.number, title: plan.title });
  const number: string = await postForm(desk, "raise_change", { problem, title: plan.title, kind: plan.kind });
  const answers = Object.fromEntries(Object.entries(plan.risk).map(([q, a]) => [`risk[${q}]`, a]));
  await postForm(desk, "save_change", {
    number,
    revision: "1",
    title: plan.title,
    implementation_plan: "Install the update after closing.",
    back_out_plan: "Put the old version back.",
    test_plan: "A test sale on each till.",
    window_start: plan.window[0].toISOString(),
    window_end: plan.window[1].toISOString(),
    stores: plan.store,
    devices: plan.device,
    ...answers,
  });
  await postForm(desk, "change_step", { number, revision: "2", step: "submit" });
  await postForm(desk, "change_step", { number, revision: "3", step: "request_authorisation" });
  return number;
}

/** A low-risk standard change the desk schedules on `store` (and `device`) for two hours from `start`. */
export async function scheduledChange(desk: Page, title: string, store: string, device: string, start: Date): Promise<string> {
  const end = new Date(start.getTime() + 2 * 3600_000);
  return changeAskingAuthorisation(desk, desk, { title, kind: "standard", risk: LOW_RISK, store, device, window: [start, end] });
}
