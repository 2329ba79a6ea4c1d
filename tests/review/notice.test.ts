// "This page may be out of date" is decided in the browser, so it appears once the review date
// passes without a rebuild; the build's own text is right without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../helpers/build.js";
import { openSite, type LiveSite } from "../helpers/site.js";

let site: LiveSite;
beforeAll(async () => {
  site = await openSite(fixture("tech-docs"));
});
afterAll(() => site?.close());

async function noticeVisible(url: string, options: { now?: string; javaScript?: boolean } = {}) {
  const context = await site.browser.newContext({ javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  if (options.now) await page.clock.setFixedTime(new Date(options.now));
  await page.goto(site.server.url + url);
  const visible = await page.locator(".app-review-notice").isVisible();
  await context.close();
  return visible;
}

describe("the out-of-date notice", () => {
  it("stays hidden before the review date", async () => {
    expect(await noticeVisible("/tools/control-panel/", { now: "2099-02-27T12:00:00Z" })).toBe(
      false,
    );
  });

  it("appears in the browser once the review date has passed, without a rebuild", async () => {
    expect(await noticeVisible("/tools/control-panel/", { now: "2099-03-01T12:00:00Z" })).toBe(
      true,
    );
  });

  it("is already shown without JavaScript when the date had passed at build time", async () => {
    expect(await noticeVisible("/tools/", { javaScript: false })).toBe(true);
    expect(await noticeVisible("/tools/control-panel/", { javaScript: false })).toBe(false);
  });
});
