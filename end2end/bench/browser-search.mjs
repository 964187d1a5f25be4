// Times the search engine as the browser runs it: the release WebAssembly, in Debian's
// Chromium, over index snapshots written by `server search-bench --snapshot-dir`. Called by
// scripts/bench.sh; prints one line per snapshot:
//   browser-search name=<file> queries=<n> p50_ms=<x> p95_ms=<y> max_ms=<z>
//
// Usage: node bench/browser-search.mjs BASE_URL EMAIL PASSWORD QUERIES_TOML SNAPSHOT.json...
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const [base, email, password, queriesFile, ...snapshots] = process.argv.slice(2);
if (!snapshots.length) {
  console.error("usage: browser-search.mjs BASE_URL EMAIL PASSWORD QUERIES_TOML SNAPSHOT.json...");
  process.exit(2);
}
// The query set's `q = "…"` lines; the TOML is ours and simple enough for a pattern.
const queries = [...readFileSync(queriesFile, "utf8").matchAll(/^q\s*=\s*"((?:[^"\\]|\\.)*)"/gm)].map((m) =>
  JSON.parse(`"${m[1]}"`),
);
const ROUNDS = 5;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
await page.goto(`${base}/login`);
await page.getByLabel("Email address").fill(email);
await page.getByLabel("Password").fill(password);
await page.getByRole("button", { name: "Sign in" }).click();
await page.locator("body[data-hydrated=true]").waitFor({ timeout: 60_000 });

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
for (const file of snapshots) {
  const snapshot = readFileSync(file, "utf8");
  const times = await page.evaluate(
    async ({ snapshot, queries, rounds }) => {
      // The page's own module (same URL, so the instance it already initialised).
      const release = document.querySelector('meta[name="deskfront-release"]').content;
      const wasm = await import(`/pkg/r/${release}/deskfront.js`);
      return Array.from(await wasm.bench_local_search(snapshot, queries, rounds));
    },
    { snapshot, queries, rounds: ROUNDS },
  );
  if (times.length !== queries.length) throw new Error(`no timings for ${file}`);
  const sorted = [...times].sort((a, b) => a - b);
  const f = (x) => x.toFixed(2);
  console.log(
    `browser-search name=${basename(file, ".json")} queries=${queries.length} ` +
      `p50_ms=${f(percentile(sorted, 50))} p95_ms=${f(percentile(sorted, 95))} max_ms=${f(sorted[sorted.length - 1])}`,
  );
}
await browser.close();
