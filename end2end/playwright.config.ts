import { defineConfig } from "@playwright/test";
import * as os from "node:os";
import * as path from "node:path";

// The suite starts the release server itself on a throwaway database with the demo data, and
// drives Debian's Chromium (Playwright's own browser download is not available here).
const port = process.env.E2E_PORT ?? "3100";
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), "deskfront-e2e");
export const DEMO_PASSWORD = "e2e-demo-password";
/** The SMTP server the portal sends mail to (end2end/support/mail-sink.mjs), and where it keeps it. */
// Outside 3120-3135, which the offline suite's own servers use.
export const MAIL_SINK_PORT = process.env.E2E_MAIL_PORT ?? "3189";
export const MAIL_DIR = `${dataDir}/mails`;

/**
 * The environment of one release server instance listening on `port`. With `publicUrl` (where
 * people reach it: the links in its mails point there) only that origin may post; without,
 * the address each request was sent to (the offline suite's servers sit behind a proxy).
 */
export function serverEnv(port: string, database: string, instance: string, publicUrl?: string) {
  return {
    ...(publicUrl ? { DESKFRONT_PUBLIC_URL: publicUrl } : {}),
    LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
    LEPTOS_SITE_ROOT: "target/site",
    LEPTOS_ENV: "PROD",
    DESKFRONT_CONFIG: "/dev/null",
    DESKFRONT_DATABASE_URL: database,
    // Shared by every instance: an attachment uploaded through one is downloaded through another.
    DESKFRONT_ATTACHMENTS_DIR: `${dataDir}/attachments`,
    // Demo mode: the suites act as the demo's people on the demo catalog.
    DESKFRONT_DEMO: "true",
    DESKFRONT_DEMO_PASSWORD: DEMO_PASSWORD,
    DESKFRONT_INSTANCE_NAME: instance,
    // People without a store read times in the portal's zone: one that is never UTC (UTC+5:30
    // all year), so a time read in the wrong zone, by the server or the browser, shows.
    DESKFRONT_TIME_ZONE: "Asia/Kolkata",
    // Mail goes to the test's own SMTP server; links in mails point to where the tests run.
    DESKFRONT_SMTP_HOST: "127.0.0.1",
    DESKFRONT_SMTP_PORT: MAIL_SINK_PORT,
    DESKFRONT_SMTP_SECURITY: "none",
    DESKFRONT_MAIL_FROM: "Deskfront <deskfront@deskfront.test>",
    // Approval mails are held a second for a burst to become one digest, and none is held
    // back by an earlier digest to the same approver: the suites run side by side.
    DESKFRONT_MAIL_DIGEST_HOLD_SECS: "1",
    DESKFRONT_MAIL_DIGEST_SPACING_SECS: "0",
    DESKFRONT_MAIL_TICK_SECS: "1",
    RUST_LOG: "warn",
  };
}

/** Starts one release server instance for Playwright, which waits for its health check. */
export function serverInstance(port: string, database: string, instance: string, publicUrl?: string) {
  return {
    command: "./target/release/server",
    cwd: "..",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
    env: serverEnv(port, database, instance, publicUrl),
  };
}

/** The real SMTP server the suites read mail from. */
export const mailSink = {
  command: `node support/mail-sink.mjs --port ${MAIL_SINK_PORT} --dir ${MAIL_DIR}`,
  port: Number(MAIL_SINK_PORT),
  reuseExistingServer: false,
  timeout: 30_000,
  stdout: "pipe" as const,
};

export const shared = {
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    // Phone-sized, touch: the store worker's device.
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    trace: "retain-on-failure",
  },
  // The two-instance run (playwright.two-instances.config.ts) has its own spec.
  testIgnore: "**/two-instances.spec.ts",
};

/** The test identity provider (support/oidc-provider.mjs) that sign-in-provider.spec.ts uses. */
export const OIDC_PORT = process.env.E2E_OIDC_PORT ?? "3190";
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_LABEL = "Test IdP";

export const oidcProvider = {
  // No stdin under Playwright: the provider would take its end for the test run's end.
  command: `node support/oidc-provider.mjs --port ${OIDC_PORT} --ignore-stdin`,
  url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
  reuseExistingServer: false,
  timeout: 30_000,
};

/** A server instance that signs people in through the test identity provider as well. */
export function withOidc(instance: ReturnType<typeof serverInstance>) {
  return {
    ...instance,
    env: {
      ...instance.env,
      DESKFRONT_OIDC_ID: "test",
      DESKFRONT_OIDC_LABEL: OIDC_LABEL,
      DESKFRONT_OIDC_ISSUER: OIDC_ISSUER,
      DESKFRONT_OIDC_CLIENT_ID: "deskfront",
      DESKFRONT_OIDC_CLIENT_SECRET: "deskfront-secret",
      DESKFRONT_OIDC_MANAGER_CLAIM: "manager_email",
      DESKFRONT_OIDC_STORE_CLAIM: "store",
      DESKFRONT_OIDC_AGENT_GROUPS: "agents",
      DESKFRONT_OIDC_MANAGER_GROUPS: "managers",
    },
  };
}

export default defineConfig({
  ...shared,
  webServer: [mailSink, oidcProvider, withOidc(serverInstance(port, `sqlite://${dataDir}/e2e.db`, "single", baseURL))],
});
