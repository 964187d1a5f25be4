import { expect } from "@playwright/test";
import { EVE, hydrated, reportPrinterFault, RITA, SAM, signIn, test } from "./helpers";

// The portal in the language the browser asks for (issue 21). Playwright's `locale` sets the
// browser's languages and its Accept-Language header, as a phone set to German would.

test.describe("a browser that asks for German", () => {
  test.use({ locale: "de-DE" });

  test("gets the catalog in German, and keeps German after the WebAssembly takes over", async ({ page }) => {
    await signIn(page, SAM);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Was brauchen Sie?");
    await expect(page).toHaveTitle("Servicekatalog · Deskfront");
    // The catalog's own words, as its editors translated them.
    await expect(page.getByText("Kassen & Zahlungen").first()).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Hauptmenü" });
    await expect(nav.getByRole("link", { name: "Störung melden" })).toBeVisible();
    await hydrated(page);
    // Drawn by the browser, not the server: the browser has the German file.
    await page.getByLabel("Katalog filtern").fill("zzzz-nichts");
    await expect(page.getByTestId("catalog-empty")).toContainText("Keine Treffer");
    // A navigation inside the portal, and back: the header is drawn again, still German.
    await nav.getByRole("link", { name: "Meine Anfragen" }).click();
    await expect(page).toHaveURL(/\/requests/);
    await nav.getByRole("link", { name: "Katalog" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Was brauchen Sie?");
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  });

  test("a store worker reporting a fault reads the report page and the promised response in German", async ({ page }) => {
    await signIn(page, SAM);
    await page.goto("/report?store=S012&asset=S012-REG-03");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Störung melden");
    await expect(page.getByTestId("report-place")).toContainText("Leeds Briggate (S012) · Register 3. Was ist kaputt?");
    await page.locator('a.item-card[href^="/catalog/card-reader-fault"]').click();
    await hydrated(page);
    // The item's own words, as its editors translated them (`[translations.de]`).
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kartenleser defekt");
    const symptom = page.getByTestId("field-symptom");
    await expect(symptom).toContainText("Was passiert?");
    await expect(symptom.locator("option", { hasText: "Lehnt alle Karten ab" })).toHaveAttribute("value", "Declining all cards");
    const preview = page.getByTestId("priority-preview");
    await expect(preview).toContainText("wie dringend es ist");
    await page.getByTestId("field-impact").getByText("Eine Kasse, ein Gerät oder eine Person").click();
    await page.getByTestId("field-urgency").getByText("Es kann warten").click();
    // Worked out in the browser, worded by the German file: the time, and the day when it is
    // not today at the store ("Mo., 23. Nov., 09:30").
    await expect(preview).toHaveAttribute("data-priority", "P4");
    await expect(preview).toContainText(
      /^Priorität P4 – wir melden uns bis ((Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. \S+, )?\d{2}:\d{2}$/,
    );
  });

  test("a store worker reads their request's page in German: its state, answers and timeline", async ({ page }) => {
    await signIn(page, SAM);
    await page.goto("/report?store=S012&asset=S012-REG-03");
    await page.locator('a.item-card[href^="/catalog/card-reader-fault"]').click();
    await hydrated(page);
    // The form's own options are the catalog's words (not yet translated by its editors).
    await page.getByTestId("field-symptom").locator("select").selectOption("Declining all cards");
    await page.getByTestId("field-impact").getByText("Eine Kasse, ein Gerät oder eine Person").click();
    await page.getByTestId("field-urgency").getByText("Es kann warten").click();
    await page.getByTestId("field-description").locator("textarea").fill("Das Kartenlesegerät zeigt nichts mehr an.");
    await page.getByTestId("submit").click();
    await expect(page).toHaveURL(/\/requests\/INC\d{7}/);
    await expect(page.getByTestId("submitted")).toContainText("Danke – Ihre Anfrage ist eingegangen.");
    const number = (await page.getByTestId("request-number").textContent())!.trim();
    await expect(page.getByTestId("submitted")).toContainText(`Geben Sie ${number} an`);
    await expect(page.getByRole("heading", { name: "Ihre Antworten" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Verlauf" })).toBeVisible();
    await expect(page.getByTestId("timeline").locator(".event-kind").first()).toHaveText("Eingereicht");
    await expect(page.locator(".request-header .state")).toHaveText("Neu");
    // The same in My requests, drawn by the browser after a navigation.
    await page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Meine Anfragen" }).click();
    const row = page.getByTestId("request-row").filter({ hasText: number });
    await expect(row.locator(".state")).toHaveText("Neu");
  });

  test("finds a catalog item by its German name, as the header's box suggests while typing", async ({ page }) => {
    await signIn(page, SAM);
    await page.goto("/");
    await hydrated(page);
    const box = page.getByRole("searchbox", { name: "Hilfeartikel und Katalog durchsuchen" });
    await expect(box).toHaveAttribute("placeholder", "Hilfe und Katalog durchsuchen");
    // Ranked in the browser over the device's copy of the index, which holds the translation.
    await box.fill("Kartenleser");
    const suggestion = page.getByTestId("instant-results").getByRole("link", { name: /Kartenleser defekt/ });
    await expect(suggestion).toContainText("Katalog");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=Kartenleser/);
    const item = page.getByTestId("search-result").filter({ has: page.locator('a[href^="/catalog/card-reader-fault"]') });
    await expect(item.locator(".result-kind")).toHaveText("Katalog · Kassen & Zahlungen");
    await expect(item.locator("a.result-title")).toHaveText("Kartenleser defekt");
  });

  test("an editor builds a catalog item in German: the builder's words and its checks, worded in the browser", async ({ page }) => {
    await signIn(page, EVE);
    await page.goto("/admin/catalog/new");
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neuer Katalogeintrag");
    await expect(page.getByRole("button", { name: "Entwurf speichern" })).toBeVisible();
    await page.getByTestId("add-field").click();
    await page.getByTestId("add-field").click();
    const fields = page.getByTestId("builder-field");
    await expect(fields.first().getByTestId("builder-kind").locator("option:checked")).toHaveText("Kurzer Text");
    await fields.nth(0).getByTestId("builder-key").fill("modell");
    await fields.nth(1).getByTestId("builder-key").fill("modell");
    // Checked as the editor types, in the browser, and said in German.
    await expect(fields.nth(1).getByTestId("builder-problem")).toHaveText(
      "Der Schlüssel „modell“ wird schon von einem früheren Feld benutzt; jedes Feld braucht seinen eigenen.",
    );
    await expect(fields.nth(1).locator("legend")).toHaveText(/^Feld 2: /);
  });

  test("finds the German version of an article by a German word form, and can read the English one", async ({ page }) => {
    await signIn(page, SAM);
    await page.goto("/search?q=Bondruckern");
    await hydrated(page);
    const first = page.getByTestId("search-result").first().locator("a.result-title");
    await expect(first).toHaveAttribute("href", /^\/kb\/bondrucker-druckt-nicht/);
    await first.click();
    const article = page.getByTestId("article");
    await expect(article).toHaveAttribute("data-slug", "bondrucker-druckt-nicht");
    await expect(article).toHaveAttribute("data-locale", "de");
    await expect(page.getByTestId("article-language-note")).toHaveCount(0);
    // The other language, chosen by the reader: shown as written, inside the German page.
    const versions = page.getByRole("navigation", { name: "Auch auf" });
    await versions.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/kb\/receipt-printer-not-printing\?exact=1$/);
    await expect(article).toHaveAttribute("data-slug", "receipt-printer-not-printing");
    await expect(article.locator('div[lang="en"] h1')).toHaveText("Receipt printer not printing");
    await expect(page.getByRole("heading", { name: "Hat das geholfen?" })).toHaveCount(0);
    await expect(page.getByText("Hat das geholfen?")).toBeVisible();
  });

  test("reads an article that has no German version in English, told so, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ locale: "de-DE", javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, RITA);
    // A link to the English original of a translated article opens the German version.
    await page.goto("/kb/receipt-printer-not-printing");
    await expect(page.getByTestId("article")).toHaveAttribute("data-locale", "de");
    await page.goto("/kb/vpn-wont-connect");
    await expect(page.getByTestId("article-language-note")).toHaveText(
      "Diesen Artikel gibt es noch nicht in Ihrer Sprache. Hier ist er auf Englisch.",
    );
    await expect(page.locator('div[lang="en"] h1')).toHaveText("VPN won't connect");
    await context.close();
  });

  test("gets German without JavaScript too", async ({ browser }) => {
    const context = await browser.newContext({ locale: "de-DE", javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, RITA);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Was brauchen Sie?");
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
    await context.close();
  });
});

test.describe("a browser that asks for a language the portal lacks", () => {
  test.use({ locale: "fr-FR" });

  test("gets English", async ({ page }) => {
    await signIn(page, RITA);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What do you need?");
    await hydrated(page);
    await page.getByLabel("Filter the catalog").fill("zzzz-nothing");
    await expect(page.getByTestId("catalog-empty")).toContainText("Nothing matches");
  });
});

// Someone no other test signs in as: for a moment their pages are German.
const NINA = { email: "nina.network@deskfront.test", name: "Nina Kowalski" };

test("a person who chooses German in their settings gets it on every page, whatever the browser says", async ({ page }) => {
  await signIn(page, NINA);
  await page.goto("/settings");
  await hydrated(page);
  await page.getByLabel("Show the portal in").selectOption({ label: "Deutsch" });
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Was brauchen Sie?");
  // Back to the browser's language, so the other tests see English: the settings read German
  // now, the menu's first choice in German too.
  await page.goto("/settings");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Einstellungen");
  await page.getByLabel("Portal anzeigen auf").selectOption({ label: "Wie mein Browser es vorgibt" });
  await page.getByRole("button", { name: "Sprache speichern" }).click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What do you need?");
});

test.describe("times", () => {
  test("read in the reader's zone, by the server and by the browser alike", async ({ page }) => {
    // Rita has no store, so she reads the portal's zone: Asia/Kolkata in the suites.
    await signIn(page, RITA);
    await page.goto("/");
    const inKolkata = (t: number) =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "Asia/Kolkata",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(new Date(t));
    const from = Date.now();
    const number = await reportPrinterFault(page, "S012", `zone-${from}`);
    const possible = new Set([inKolkata(from - 60_000), inKolkata(from), inKolkata(Date.now())]);

    // Rendered by the server.
    await page.goto(`/requests/${number}`);
    const raised = page.locator('dt:text-is("Raised") + dd');
    const fromServer = (await raised.textContent()) ?? "";
    expect(fromServer).not.toContain("UTC");
    const clock = fromServer.match(/(\d{2}:\d{2})$/)?.[1] ?? "";
    expect([...possible], `raised at ${fromServer}`).toContain(clock);
    // The page carries the zone's offsets around today (Kolkata: +5:30 all year), which the
    // browser reads times with instead of building an Intl formatter at start-up.
    await expect(page.locator('meta[name="deskfront-zone"]')).toHaveAttribute(
      "data-offsets",
      /^\d+ \d+ 19800$/,
    );

    // Rendered by the browser after a navigation inside the portal: the same words.
    await hydrated(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My requests" }).click();
    await page.locator(`a[href="/requests/${number}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/requests/${number}$`));
    await expect(raised).toHaveText(fromServer);
  });
});
