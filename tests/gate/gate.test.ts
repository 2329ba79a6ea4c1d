// The gate can fail: a page with a known accessibility violation and invalid HTML is caught,
// with the right rule named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
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

  it("fails a page whose inline script the Content-Security-Policy blocks", async () => {
    // Content cannot put a script in a page (the build refuses it); this stands for one that
    // got there some other way, through a site's own template, say.
    const built = readFileSync(path.join(site.build.output, "index.html"), "utf8");
    const injected = built.replace("</body>", "<script>document.title = 'ran'</script></body>");
    writeFileSync(path.join(site.build.output, "inline-script.html"), injected);
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/inline-script.html`);
    const violations = await auditPage(page);
    expect(violations.find((v) => v.rule === "content-security-policy")?.help).toMatch(
      /\(script-src-elem\) blocked inline/,
    );
    expect(await page.title()).not.toBe("ran");
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
