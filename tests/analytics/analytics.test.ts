// Analytics only after consent: a site that names a Google tag gets the GOV.UK cookie banner
// and a cookies page; nothing is requested from Google until the reader accepts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { fixture } from "../helpers/build.js";
import { openSite, type LiveSite } from "../helpers/site.js";
import { auditPage, formatViolations } from "../helpers/gate/axe.js";

let site: LiveSite;
beforeAll(async () => {
  const content = path.join(mkdtempSync(path.join(tmpdir(), "analytics-")), "content");
  cpSync(fixture("no-settings"), content, { recursive: true });
  mkdirSync(path.join(content, "_data"));
  writeFileSync(
    path.join(content, "_data/site.yml"),
    "serviceName: Analytics Fixture\nanalytics:\n  googleTagId: GTM-ABC1234\n",
  );
  site = await openSite(content);
});
afterAll(() => site?.close());

/** A page that records every request to Google and answers none of them. */
async function openPage(): Promise<{ page: Page; google: string[] }> {
  const page = await site.browser.newPage();
  const google: string[] = [];
  await page.route("https://www.googletagmanager.com/**", (route) => {
    google.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
  });
  return { page, google };
}

describe("a site with analytics", () => {
  it("ships no tracking script, only the banner (hidden without JavaScript) and the tag id", () => {
    const html = site.build.html("/");
    expect(html).not.toMatch(/<script[^>]*googletagmanager|gtm\.js|gtag\(/);
    expect(html).toMatch(/<div class="govuk-cookie-banner"[^>]*hidden/);
    expect(html).toContain('data-google-tag-id="GTM-ABC1234"');
    expect(html.replaceAll("&#39;", "'")).toMatch(
      /script-src 'self' [^;]* https:\/\/www\.googletagmanager\.com/,
    );
    expect(site.build.html("/cookies/")).toContain("Do you want to accept analytics cookies?");
    expect(site.build.html("/cookies/")).not.toContain("govuk-cookie-banner");
  });

  it("asks first, loads the tag only after Accept, and remembers the choice", async () => {
    const { page, google } = await openPage();
    await page.goto(`${site.server.url}/`);
    const banner = page.locator(".govuk-cookie-banner");
    await expect(banner.isVisible()).resolves.toBe(true);
    expect(google).toEqual([]);
    expect(formatViolations("/", await auditPage(page))).toBe("");
    await page.getByRole("button", { name: "Accept analytics cookies" }).click();
    await expect(page.getByText("You’ve accepted analytics cookies.").isVisible()).resolves.toBe(
      true,
    );
    await page.waitForFunction(() => document.querySelector('script[src*="gtm.js"]'));
    expect(google).toEqual(["https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234"]);
    await page.reload();
    await expect(banner.isVisible()).resolves.toBe(false);
    await page.waitForFunction(() => document.querySelector('script[src*="gtm.js"]'));
    await page.close();
  });

  it("loads nothing after Reject, and the cookies page changes the choice", async () => {
    const { page, google } = await openPage();
    await page.goto(`${site.server.url}/`);
    await page.getByRole("button", { name: "Reject analytics cookies" }).click();
    await page.reload();
    await expect(page.locator(".govuk-cookie-banner").isVisible()).resolves.toBe(false);
    expect(google).toEqual([]);

    await page.goto(`${site.server.url}/cookies/`);
    await expect(page.getByLabel("No").isChecked()).resolves.toBe(true);
    await page.getByLabel("Yes").check();
    await page.getByRole("button", { name: "Save cookie settings" }).click();
    await expect(page.getByText("You’ve set your cookie preferences.").isVisible()).resolves.toBe(
      true,
    );
    expect(google).toEqual(["https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234"]);
    await page.close();
  });
});
