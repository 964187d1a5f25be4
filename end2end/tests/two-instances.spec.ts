import { expect } from "@playwright/test";
import { hydrated, MO, RITA, signIn, signOut, test } from "./helpers";

// Runs only behind the load balancer (playwright.two-instances.config.ts).
test("one person's pages and server calls are answered by both instances", async ({ page }) => {
  const seen = new Set<string>();
  page.on("response", (res) => {
    const instance = res.headers()["x-deskfront-instance"];
    if (instance) seen.add(instance);
  });
  await signIn(page, RITA);
  for (const path of ["/", "/requests", "/catalog/headset", "/"]) {
    await page.goto(path);
    await hydrated(page);
    // Still signed in, whichever instance rendered the page.
    await expect(page.getByTestId("user-name")).toHaveText(RITA.name);
  }
  expect([...seen].sort()).toEqual(["instance-a", "instance-b"]);
  await signOut(page);
});

test("the manager's dashboard and its downloads work from either instance", async ({ page }) => {
  await signIn(page, MO);
  const seen = new Set<string>();
  // The page's own background requests (the service worker, the offline snapshot) finish at
  // their own pace, so how the round robin falls varies: a dozen tries, not six.
  for (let i = 0; i < 12 && seen.size < 2; i++) {
    const res = await page.goto("/dashboard?from=2026-01-01&to=2026-01-31");
    const instance = res!.headers()["x-deskfront-instance"];
    // Round robin: a page load makes a fixed number of requests (the service worker, the
    // offline snapshot…), which can keep landing the page on the same instance. One extra
    // request shifts it.
    if (seen.has(instance)) await page.request.get("/healthz");
    seen.add(instance);
    await hydrated(page);
    await expect(page.getByTestId("figure-opened").getByTestId("figure-value")).toHaveText("0");
    const csv = await page.request.get("/dashboard/export/summary.csv?from=2026-01-01&to=2026-01-31");
    expect(await csv.text()).toContain("\r\nOpened,0,");
  }
  expect([...seen].sort()).toEqual(["instance-a", "instance-b"]);
});
