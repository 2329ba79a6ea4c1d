// How representative pages behave in a real browser: keyboard, narrow screens, focus, errors,
// and without JavaScript. Screenshots go to test-results/ for people to look at.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { projectRoot } from "../helpers/build.js";
import { openSite, type LiveSite } from "../helpers/site.js";

const PAGES = {
  home: "/",
  guide: "/analytical-platform/",
  timeline: "/about/timeline/",
  contributing: "/contributing/",
  notFound: "/no-such-page/",
};
const SCREENSHOTS = path.join(projectRoot, "test-results/screenshots");

let site: LiveSite;
beforeAll(async () => {
  site = await openSite(path.join(projectRoot, "content"));
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(() => site?.close());

async function open(url: string, options: { width?: number; javaScript?: boolean } = {}) {
  const context = await site.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  // The 404 page's own status is expected; anything else the browser logs as an error is not.
  const isOwn404 = (u: string) => url === PAGES.notFound && u.endsWith(url);
  page.on("console", (m) => {
    if (m.type() === "error" && !isOwn404(m.location().url))
      problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400 && !isOwn404(r.url())) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(site.server.url + url);
  return { page, problems, close: () => context.close() };
}

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each(Object.entries(PAGES))("the %s page", (name, url) => {
  it("loads with no console errors or failed requests, and no sideways scrolling at 320px", async () => {
    const { page, problems, close } = await open(url, { width: 320 });
    expect(problems).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-320.png`), fullPage: true });
    await close();
  });

  it("makes the skip link the first tab stop, and it moves focus to the main content", async () => {
    const { page, close } = await open(url);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      "Skip to main content",
    );
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");
    // The next stop is in the content, not the side navigation before it.
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate(() => Boolean(document.activeElement?.closest("#main-content"))),
    ).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-1280.png`), fullPage: true });
    await close();
  });

  it("shows where keyboard focus is", async () => {
    const { page, close } = await open(url);
    const link = page.locator("main a").first();
    const before = await link.evaluate(
      (el) => getComputedStyle(el).backgroundColor + getComputedStyle(el).boxShadow,
    );
    await link.focus();
    const after = await link.evaluate(
      (el) => getComputedStyle(el).backgroundColor + getComputedStyle(el).boxShadow,
    );
    expect(after).not.toBe(before);
    await close();
  });

  it("renders and can be navigated with JavaScript turned off", async () => {
    const { page, problems, close } = await open(url, { width: 320, javaScript: false });
    expect(problems).toEqual([]);
    await expect(page.locator("h1").isVisible()).resolves.toBe(true);
    // Without JavaScript the service navigation is a plain, visible list of links.
    await expect(
      page.locator(".govuk-service-navigation__list a").first().isVisible(),
    ).resolves.toBe(true);
    await page.locator(".govuk-service-navigation__service-name a").click();
    expect(new URL(page.url()).pathname).toBe("/");
    await close();
  });
});

describe("the service navigation on a 320px screen", () => {
  it("is behind a menu button that opens and closes it", async () => {
    const { page, close } = await open(PAGES.guide, { width: 320 });
    const button = page.locator(".govuk-service-navigation__toggle");
    const list = page.locator(".govuk-service-navigation__list");
    await expect(button.isVisible()).resolves.toBe(true);
    await expect(list.isVisible()).resolves.toBe(false);
    await button.click();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await expect(list.isVisible()).resolves.toBe(true);
    await button.click();
    await expect(list.isVisible()).resolves.toBe(false);
    await close();
  });
});

describe("the side navigation on a 360px screen", () => {
  it("lists every page of the section, none cut off", async () => {
    const { page, close } = await open(PAGES.guide, { width: 360 });
    const links = page.locator(".moj-side-navigation a");
    expect(await links.count()).toBeGreaterThan(1);
    for (const box of await links.evaluateAll((as) =>
      as.map((a) => {
        const r = a.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
    )) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(360);
    }
    await close();
  });
});

describe("wide content on a 320px screen", () => {
  it("scrolls inside its own box, not the page", async () => {
    const { page, close } = await open(PAGES.contributing, { width: 320 });
    const widest = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll(".app-table-wrapper, .app-code")].map(
          (e) => e.scrollWidth - e.clientWidth,
        ),
      ),
    );
    expect(widest).toBeGreaterThan(0); // there is wide content on this page...
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0); // ...and the page does not scroll
    await close();
  });
});
