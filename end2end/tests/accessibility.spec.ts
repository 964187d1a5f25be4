import AxeBuilder from "@axe-core/playwright";
import { Browser, expect, Page } from "@playwright/test";
import { AHMED, EVE, hydrated, LENA, MO, RITA, SAM, sameOrigin, signIn, test } from "./helpers";

// Every page a person can reach, checked by axe-core against WCAG 2.1 A and AA, with scripts on
// (after hydration, as most people see it) and off (the server's HTML alone, as a slow phone
// sees it first). A serious or critical violation fails the test; the lesser ones are printed
// so they are seen, not hidden.

const ADA = { email: "ada.admin@deskfront.test", name: "Ada Whitfield" };

// Each role's pages in each language are their own test, independent of the others: both
// workers share them, rather than one worker reading every page in turn.
test.describe.configure({ mode: "parallel" });

type Person = { email: string; name: string } | null;

/**
 * Who opens which pages. `{request}` stands for one of the person's own requests, `{desk-ticket}`
 * for the first ticket in the agent's queue, `{drill-down}` for the dashboard's first figure.
 */
const PAGES: { who: Person; label: string; paths: string[] }[] = [
  { who: null, label: "signed out", paths: ["/login", "/no-such-page"] },
  {
    who: RITA,
    label: "requester",
    paths: [
      "/",
      "/?q=laptop",
      "/catalog/laptop",
      "/requests",
      "{request}",
      "/search?q=printer",
      "/kb/receipt-printer-not-printing",
      "/notifications",
      "/settings",
    ],
  },
  { who: SAM, label: "store worker", paths: ["/report?store=S012&asset=S012-REG-03", "/catalog/card-reader-fault", "/calendar"] },
  { who: LENA, label: "approver", paths: ["/approvals"] },
  { who: AHMED, label: "agent", paths: ["/desk", "/desk?priority=P1", "{desk-ticket}"] },
  { who: MO, label: "manager", paths: ["/dashboard", "{drill-down}", "/dashboard/daily"] },
  {
    who: EVE,
    label: "editor",
    paths: [
      "/editor/articles",
      "/editor/articles/new",
      "/editor/articles/receipt-printer-not-printing",
      "/editor/synonyms",
      "/editor/unanswered",
      "/admin/catalog",
      "/admin/catalog/new",
      "/admin/catalog/laptop",
    ],
  },
  {
    who: ADA,
    label: "administrator",
    paths: [
      "/admin/people",
      "/admin/groups",
      "/admin/stores",
      "/admin/stores/S012",
      "/admin/stores/S012/stickers",
      "/admin/integrations",
      "/admin/audit",
      "/admin/mail",
      "/admin/freezes",
      "/admin/approvals",
      "/admin/risk",
    ],
  },
];

/** The violations of the page as it is now that are serious or critical, as readable lines. */
async function check(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const line = (v: (typeof results.violations)[number]) =>
    `${v.impact} ${v.id}: ${v.help} — ${v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(" "))
      .join(", ")}`;
  const minor = results.violations.filter((v) => v.impact !== "serious" && v.impact !== "critical");
  for (const v of minor) console.log(`${page.url()}: ${line(v)}`);
  return results.violations.filter((v) => !minor.includes(v)).map(line);
}

/**
 * Controls on a phone smaller than a fingertip (44 CSS pixels high): buttons, fields, and the
 * links that stand alone (navigation, buttons drawn as links). Links inside running text are
 * exempt, as WCAG's target-size rule makes them; a checkbox or radio button counts by its label.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      "button, select, textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), " +
      "nav a, a.btn, label:has(> input[type=checkbox]), label:has(> input[type=radio])";
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((e) => e.offsetParent !== null && !e.closest("[hidden], .visually-hidden"))
      .filter((e) => e.getBoundingClientRect().height < 44)
      .map((e) => {
        const name = (e.getAttribute("aria-label") || e.textContent || e.getAttribute("name") || "").trim();
        return `${e.tagName.toLowerCase()}${e.className ? "." + String(e.className).split(" ").join(".") : ""} "${name.slice(0, 30)}" ${Math.round(e.getBoundingClientRect().height)}px`;
      });
  });
}

/** The address a placeholder stands for, found the way a person would: from their own list. */
async function resolve(page: Page, path: string): Promise<string> {
  if (path === "{request}") {
    await page.goto("/requests");
    if ((await page.getByTestId("request-row").count()) === 0) {
      // Early in a run the person may have none yet: one question (no approval, so no mail
      // that another test counts) gives the page something to show.
      const res = await page.request.post("/api/submit_request", {
        headers: sameOrigin(page),
        data: {
          item_slug: "how-to-question",
          form_version: 1,
          idempotency_key: `a11y-${Date.now()}`,
          answers: { topic: ["Teams"], question: ["How do I share my screen in a meeting?"] },
        },
      });
      expect(res.ok(), await res.text()).toBeTruthy();
      await page.goto("/requests");
    }
    return (await page.getByTestId("request-row").first().locator("a").first().getAttribute("href"))!;
  }
  if (path === "{drill-down}") {
    await page.goto("/dashboard");
    return (await page.locator('a[href^="/dashboard/tickets?"]').first().getAttribute("href"))!;
  }
  if (path === "{desk-ticket}") {
    await page.goto("/desk");
    return (await page.getByTestId("queue-row").first().locator("a").first().getAttribute("href"))!;
  }
  return path;
}

/**
 * axe runs inside the page, so it cannot run where scripts are off. Without JavaScript, the page
 * is fetched by a browser with scripts off (so `<noscript>` counts) and its HTML, without its
 * scripts, is shown at the same address in a second page where axe can run; the stylesheet and
 * images still come from the server, so contrast is checked as drawn.
 */
async function checkWithoutScripts(page: Page, browser: Browser): Promise<string[]> {
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<\/?noscript>/gi, "");
  // Said outright: a context made inside a test takes the test's options, scripts off included.
  const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route(page.url(), (route) => route.fulfill({ body: html, contentType: "text/html" }));
    await copy.route(/\.(js|wasm)(\?|$)/, (route) => route.abort());
    await copy.goto(page.url());
    return await check(copy);
  } finally {
    await context.close();
  }
}

/** Checks each of `paths` as `who` sees it; the findings, one line each. */
async function checkPages(page: Page, browser: Browser, who: Person, paths: string[], scripts: boolean) {
  if (who) await signIn(page, who);
  const found: string[] = [];
  for (const path of paths) {
    const url = await resolve(page, path);
    const response = await page.goto(url);
    expect(response?.status(), `${url} answers`).toBeLessThan(path === "/no-such-page" ? 500 : 400);
    if (scripts) {
      await hydrated(page);
      found.push(...(await check(page)).map((v) => `${url}: ${v}`));
      // The phone viewport (the suite's default), as store staff see it.
      found.push(...(await smallTargets(page)).map((t) => `${url}: target under 44 px: ${t}`));
    } else {
      found.push(...(await checkWithoutScripts(page, browser)).map((v) => `${url}: ${v}`));
    }
  }
  return found;
}

// Every page in every language the portal ships, as a browser asking for it gets it: German
// text is longer, and the page must say it is German (`lang`), or a screen reader reads it with
// English sounds.
for (const locale of ["en-GB", "de-DE"]) {
  test.describe(locale.startsWith("de") ? "in German" : "in English", () => {
    test.use({ locale });
    for (const scripts of [true, false]) {
      test.describe(scripts ? "with JavaScript" : "without JavaScript", () => {
        test.use({ javaScriptEnabled: scripts });
        for (const { who, label, paths } of PAGES) {
          test(`no serious accessibility violation on the ${label}'s pages`, async ({ page, browser }) => {
            const found = await checkPages(page, browser, who, paths, scripts);
            await expect(page.locator("html")).toHaveAttribute("lang", locale.slice(0, 2));
            expect(found, "serious or critical WCAG 2.1 AA violations, or targets too small").toEqual([]);
          });
        }
      });
    }
  });
}
