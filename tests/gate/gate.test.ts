// The gate can fail: a page with a known accessibility violation and invalid HTML is caught,
// with the right rule named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { auditPage } from "../helpers/gate/axe.js";
import { validateHtml } from "../helpers/gate/html-validate.js";
import { findChromium, NoBrowserError } from "../helpers/gate/browser.js";
import { fixture } from "../helpers/build.js";
import { openSite, type LiveSite } from "../helpers/site.js";

let site: LiveSite;
beforeAll(async () => {
  site = await openSite(fixture("gate-fail"));
});
afterAll(() => site?.close());

describe("the browser gate", () => {
  it("names the axe rule a page breaks", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/`);
    const violations = await auditPage(page);
    expect(violations.map((v) => v.rule)).toContain("color-contrast");
    expect(violations.find((v) => v.rule === "color-contrast")!.elements).toEqual([
      "p:nth-child(3)",
    ]);
    await page.close();
  });

  it("names the html-validate rule a page breaks", async () => {
    const html = readFileSync(path.join(site.build.output, "index.html"), "utf8");
    const rules = (await validateHtml(html, "index.html")).map((e) => e.rule);
    expect(rules).toContain("close-order");
  });

  it("explains how to get a browser when none is found", () => {
    expect(() => findChromium({ CHROME_PATH: "/nowhere/chrome" })).toThrow(NoBrowserError);
    expect(() => findChromium({ CHROME_PATH: "/nowhere/chrome" })).toThrow(
      /CHROME_PATH is set to \/nowhere\/chrome/,
    );
  });
});
