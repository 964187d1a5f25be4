import { expect } from "@playwright/test";
import { OIDC_ISSUER, OIDC_LABEL } from "../playwright.config";
import { signOut, test } from "./helpers";

// Single sign-on through a real OpenID Connect provider (support/oidc-provider.mjs, started by
// playwright.config.ts as a web server; the portal is configured with it through
// DESKFRONT_OIDC_*). The person clicks the provider's button, signs in on the provider's own
// page, and lands in the portal with a session; the account is made from the provider's claims.

const PROVIDER_PASSWORD = "oidc-test-password";

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("sign in with the identity provider and land in the catalog", async ({ page }) => {
      await page.goto("/login");
      const button = page.getByRole("link", { name: `Sign in with ${OIDC_LABEL}` });
      await expect(button).toBeVisible();
      await button.click();

      // The provider's own login page.
      await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
      await page.getByLabel("Username").fill("rita.oidc");
      await page.getByLabel("Password").fill(PROVIDER_PASSWORD);
      await page.getByRole("button", { name: "Continue" }).click();

      // Back in the portal, signed in as the person the claims describe.
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
      await expect(page.getByTestId("user-name")).toHaveText("Rita Oidc");
      await expect(page.getByTestId("item-card").first()).toBeVisible();

      // Signing out offers the provider's own sign-out, which comes back to the sign-in page.
      await signOut(page);
      const also = page.getByRole("link", { name: `Also sign out of ${OIDC_LABEL}` });
      await expect(also).toBeVisible();
      await also.click();
      await page.getByRole("button", { name: "Yes, sign me out" }).click();
      await expect(page).toHaveURL(/\/login$/);

      // Signed out there too: the provider asks for the password again.
      await page.getByRole("link", { name: `Sign in with ${OIDC_LABEL}` }).click();
      await expect(page.getByLabel("Username")).toBeVisible();
    });
  });
}

test("a wrong password at the provider keeps the person there", async ({ page }) => {
  await page.goto("/login?next=/requests");
  await page.getByRole("link", { name: `Sign in with ${OIDC_LABEL}` }).click();
  await page.getByLabel("Username").fill("rita.oidc");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toHaveText("Wrong username or password.");
  await page.getByLabel("Password").fill(PROVIDER_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  // `next` survives the round trip through the provider.
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByTestId("user-name")).toHaveText("Rita Oidc");
});
