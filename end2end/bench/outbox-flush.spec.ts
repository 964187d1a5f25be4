import { expect, test } from "@playwright/test";
import * as fs from "node:fs";
import {
  cachedBytes,
  fillFault,
  marker,
  openFaultForm,
  outboxItem,
  outboxSettled,
  submitOffline,
  visitOnce,
} from "../tests/offline-pages";
import { FaultyProxy, OfflineServer, ticketCount } from "../tests/offline-server";

// Issue 5's two figures: how long a 10-item outbox takes to flush once the network is back, and
// how much the service worker keeps in Cache Storage (the cached shell).
//
// The browser talks to the server through a proxy that stands in for the network, so the server
// keeps running while the device is offline and the clock measures the app's flush, not a server
// start. Run with `npx playwright test --config playwright.bench.config.ts`; E2E_BENCH_PORT (3190,
// and the next port for the proxy) and E2E_BENCH_OUT (a file to write the two lines to) tune it.

const ITEMS = 10;
const port = Number(process.env.E2E_BENCH_PORT ?? "3190");
const proxyPort = port + 1;

test.use({ baseURL: `http://127.0.0.1:${proxyPort}` });

test(`outbox flush of ${ITEMS} items, and the cached shell`, async ({ page, context }) => {
  const server = await OfflineServer.start({ port, name: "bench-offline" });
  const proxy = await FaultyProxy.start(proxyPort, port);
  try {
    await visitOnce(page);

    // Offline: the browser and the "network" (the proxy) are both down.
    await context.setOffline(true);
    proxy.down = true;
    const keys: string[] = [];
    for (let i = 0; i < ITEMS; i++) {
      await openFaultForm(page);
      await fillFault(page, `Till ${i + 1} frozen during the benchmark ${marker("bench")}`);
      keys.push(await submitOffline(page));
      // The app tries the outbox at once (and fails, offline); leaving mid-attempt would leave
      // the item claimed by a closed tab.
      await outboxSettled(page);
    }
    await page.goto("/requests");
    for (const key of keys) await expect(outboxItem(page, key)).toHaveAttribute("data-state", "waiting");
    await expect(page.getByTestId("unsent-count")).toHaveAttribute("data-count", String(ITEMS));

    // Back online: from the moment the network returns until every item shows as sent.
    proxy.down = false;
    const start = performance.now();
    await context.setOffline(false);
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=outbox-item][data-state=sent]").length === n,
      ITEMS,
      { polling: 20, timeout: 120_000 },
    );
    const seconds = (performance.now() - start) / 1000;
    for (const key of keys) expect(ticketCount(server.dbPath, key), `tickets for ${key}`).toBe(1);

    const caches = await cachedBytes(page);
    const total = caches.reduce((sum, c) => sum + c.bytes, 0);
    const lines = [
      `outbox flush, ${ITEMS} items: ${seconds.toFixed(2)} s`,
      `cached shell: ${Math.round(total / 1024).toLocaleString("en-US")} KB`,
    ];
    const detail = caches.map((c) => `  ${c.name}: ${c.entries} responses, ${(c.bytes / 1024).toFixed(1)} KB`);
    console.log([...lines, ...detail].join("\n"));
    if (process.env.E2E_BENCH_OUT) fs.writeFileSync(process.env.E2E_BENCH_OUT, lines.join("\n") + "\n");
  } finally {
    await proxy.close();
    await server.dispose();
  }
});
