import { expect, Page } from "@playwright/test";
import { test, signIn, hydrated, RITA } from "./helpers";

// The browser code is split per page (app/src/lazy_pages.rs): the catalog runs on the main
// module, and every other page's module is fetched when that page is first shown.

/** Names of the wasm files the page itself requests (not the service worker's own copies). */
function wasmRequested(page: Page): string[] {
  const names: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(".wasm")) names.push(path.split("/").pop()!);
  });
  return names;
}

/** The module of a group of pages (`page_group!` in lazy_pages.rs) among the requested files. */
const groupModule = (names: string[], group: string) =>
  names.filter((n) => new RegExp(`^split_${group}_\\d+\\.wasm$`).test(n));

test("the catalog runs on the main module; a page's module arrives when the page is opened", async ({ page }) => {
  const requested = wasmRequested(page);
  await signIn(page, RITA);
  await expect(page.getByRole("heading", { name: "What do you need?" })).toBeVisible();
  await hydrated(page);
  expect(requested).toContain("deskfront.wasm");
  expect(requested.filter((n) => /_pages_\d+\.wasm$/.test(n)), "no page's module for the catalog").toEqual([]);

  await page.getByRole("navigation").getByRole("link", { name: "My requests" }).click();
  await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
  expect(groupModule(requested, "request_pages")).toHaveLength(1);
  expect(groupModule(requested, "desk_pages"), "another page's module stays on the server").toEqual([]);
});

test("a page opened directly names its module, preloads it after the load event and hydrates with it", async ({ page }) => {
  await signIn(page, RITA);
  const requested = wasmRequested(page);
  await page.goto("/requests");
  const preloads = await page
    .locator('meta[name="deskfront-module"]')
    .evaluateAll((metas) => metas.map((m) => m.getAttribute("content") ?? ""));
  expect(preloads.some((href) => /split_request_pages_\d+\.wasm$/.test(href)), preloads.join("\n")).toBe(true);
  await hydrated(page);
  expect(groupModule(requested, "request_pages")).toHaveLength(1);

  // Hydrated for real: the router takes the next link without a page load.
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
  await page.getByRole("navigation").getByRole("link", { name: "Catalog" }).click();
  await expect(page.getByRole("heading", { name: "What do you need?" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
});
