// The browser gate: every page of the real site, opened in Chromium, must have zero axe
// violations (WCAG 2.2 A and AA, and best practice) at 320 and 1280 pixels wide, and be valid HTML.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { auditPage, formatViolations } from "../helpers/gate/axe.js";
import { validateHtml } from "../helpers/gate/html-validate.js";
import { projectRoot } from "../helpers/build.js";
import { openSite, sourceOf, type LiveSite } from "../helpers/site.js";

const content = path.join(projectRoot, "content");
let site: LiveSite;
beforeAll(async () => {
  site = await openSite(content);
});
afterAll(() => site?.close());

describe("every page of the site", () => {
  it("was found (the gate must not pass by checking nothing)", () => {
    expect(site.pages).toEqual(
      expect.arrayContaining(["/", "/about/", "/about/timeline/", "/contributing/", "/404.html"]),
    );
    expect(site.pages.length).toBeGreaterThanOrEqual(9);
  });

  it("has no axe violations at 320 and 1280 pixels wide", async () => {
    const failures: string[] = [];
    for (const width of [320, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      for (const url of site.pages) {
        const page = await context.newPage();
        await page.goto(site.server.url + url);
        const violations = await auditPage(page);
        if (violations.length)
          failures.push(
            `${sourceOf(content, url)} at ${width}px\n${formatViolations(url, violations)}`,
          );
        await page.close();
      }
      await context.close();
    }
    expect(failures.join("\n\n")).toBe("");
  });

  it("is valid HTML", async () => {
    const failures: string[] = [];
    for (const url of site.pages) {
      const file = path.join(site.build.output, url.endsWith("/") ? `${url}index.html` : url);
      for (const e of await validateHtml(readFileSync(file, "utf8"), file)) {
        failures.push(
          `${sourceOf(content, url)}: built page ${url} line ${e.line}:${e.column} ${e.rule}: ${e.message}`,
        );
      }
    }
    expect(failures.join("\n")).toBe("");
  });
});
