// Analytics only with consent: when site.yml names a Google tag (`analytics.googleTagId`),
// every page carries the GOV.UK cookie banner and the site gets a cookies page where readers
// change their choice. The tag is loaded by the site's own script (assets/js/cookies.ts) after
// a reader accepts analytics cookies, never before and never as inline script.
import type { UserConfig } from "@11ty/eleventy";
import type { Settings } from "../settings/schema.js";

export const COOKIES_URL = "/cookies/";

/** Hosts Google's tag loads from and reports to, for the Content-Security-Policy. */
export const ANALYTICS_HOSTS = {
  script: ["https://www.googletagmanager.com"],
  connect: [
    "https://*.google-analytics.com",
    "https://*.analytics.google.com",
    "https://*.googletagmanager.com",
  ],
};

/** The cookies page exists when the settings name a tag as the site starts (a preview that
 * gains analytics shows the page after a restart). */
export function registerAnalytics(config: UserConfig, settings: Settings): void {
  if (!settings.analytics) return;
  config.addTemplate("engine-cookies.njk", "", {
    title: "Cookies",
    description: "The cookies this site sets, and your choice about analytics cookies.",
    layout: "cookies",
    permalink: COOKIES_URL,
    eleventyExcludeFromCollections: true,
  });
}
