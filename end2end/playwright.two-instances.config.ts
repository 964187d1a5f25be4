import { defineConfig } from "@playwright/test";
import * as path from "node:path";
import { mailSink, oidcProvider, serverInstance, shared, withOidc } from "./playwright.config";

// The whole suite again, through nginx in front of two release instances on one PostgreSQL
// database (E2E_DATABASE_URL; scripts/test.sh creates it). nginx alternates requests between
// the instances, so every journey crosses them; two-instances.spec.ts proves that it does.
const database = process.env.E2E_DATABASE_URL;
if (!database) throw new Error("E2E_DATABASE_URL must name an empty PostgreSQL database");
const dataDir = process.env.E2E_DATA_DIR ?? "/tmp/deskfront-e2e-two";
const nginxPrefix = path.join(dataDir, "nginx");
const nginxConf = path.resolve(__dirname, "nginx/two-instances.conf");

export default defineConfig({
  ...shared,
  // The offline tests start and kill servers of their own, so nginx would add nothing; the
  // accessibility, keyboard and code-splitting checks look at markup and modules, which the
  // database behind them does not change.
  testIgnore: [
    "**/offline.spec.ts",
    "**/accessibility.spec.ts",
    "**/keyboard.spec.ts",
    "**/code-splitting.spec.ts",
  ],
  use: { ...shared.use, baseURL: "http://127.0.0.1:3110" },
  webServer: [
    mailSink,
    // A sign-in started through one instance comes back through the other.
    oidcProvider,
    withOidc(serverInstance("3111", database, "instance-a", "http://127.0.0.1:3110")),
    withOidc(serverInstance("3112", database, "instance-b", "http://127.0.0.1:3110")),
    {
      command: `mkdir -p ${nginxPrefix} && exec /usr/sbin/nginx -p ${nginxPrefix}/ -c ${nginxConf} -e stderr -g "daemon off;"`,
      url: "http://127.0.0.1:3110/healthz",
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
