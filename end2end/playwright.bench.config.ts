import { defineConfig } from "@playwright/test";
import { shared } from "./playwright.config";

// Browser benchmarks (scripts/bench.sh runs them): each starts its own release server, so there
// is no webServer here, and they stay out of the normal suite (its testDir is ./tests).
export default defineConfig({
  ...shared,
  testDir: "./bench",
  testMatch: "*.spec.ts",
  testIgnore: [],
  workers: 1,
  timeout: 300_000,
});
