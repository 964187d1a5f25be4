import { expect } from "@playwright/test";
import { hydrated, RITA, signIn, signOut, test } from "./helpers";

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
