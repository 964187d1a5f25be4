import { expect } from "@playwright/test";
import { hydrated, RITA, signIn, test } from "./helpers";

// Every other spec runs under the Content-Security-Policy too: `helpers.test` fails a test on
// any violation. These check the policy itself, as a browser applies it.

test("the portal runs under a policy without inline scripts, and hydrates", async ({ page }) => {
  const res = await page.goto("/login");
  const csp = res!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval'/);
  expect(csp).not.toContain("'unsafe-inline' 'wasm");
  // A static file carries the same headers as a page.
  const asset = await page.request.get("/manifest.webmanifest");
  expect(asset.status()).toBe(200);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  expect(asset.headers()["referrer-policy"]).toBe("same-origin");
  expect(asset.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await signIn(page, RITA);
  await page.goto("/");
  await hydrated(page);
  // A script injected without the nonce does not run (the refusal it logs is the point, so the
  // crash guard does not hear it).
  page.removeAllListeners("console");
  const ran = await page.evaluate(async () => {
    (window as any).injected = false;
    const s = document.createElement("script");
    s.textContent = "window.injected = true";
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 100));
    return (window as any).injected;
  });
  expect(ran).toBe(false);
});

test("a page opened in another site's frame does not render", async ({ page, baseURL }) => {
  // Silence the expected refusal for the crash guard: it is the point of this test.
  page.removeAllListeners("console");
  await page.route("http://framing.invalid/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Another site</title><iframe id="f" src="${baseURL}/login" width="360" height="600"></iframe>`,
    }),
  );
  await page.goto("http://framing.invalid/");
  await page.locator("#f").waitFor();
  // Give the frame every chance to load; then it must hold nothing of the portal.
  await page.waitForTimeout(1_500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame).toBeDefined();
  const text = await frame!.evaluate(() => document.body?.innerText ?? "").catch(() => "");
  expect(text).not.toContain("Sign in to Deskfront");
  // The same address opened directly renders, so the frame's emptiness is the policy's doing.
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Deskfront" })).toBeVisible();
});
