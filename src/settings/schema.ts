// Site settings: one file (content/_data/site.yml), typed, validated, with defaults so a
// bare content tree (tests, benchmarks, a new site) builds without one.
import { z } from "zod";
import { CHECK_KINDS } from "../problems/kinds.js";
import { activeScheme, checkHtml } from "../html/html-policy.js";

const href = z
  .string()
  .min(1)
  .refine((value) => !activeScheme(value), "must be a site path or an https:// address");
const link = z.strictObject({ text: z.string().min(1), href });
const safeHtml = z.string().superRefine((html, issue) => {
  for (const finding of checkHtml(html, { embedHosts: [] }))
    issue.addIssue({ code: "custom", message: `${finding.message}; ${finding.hint}` });
});

export const settingsSchema = z.strictObject({
  serviceName: z.string().min(1).default("Documentation"),
  description: z.string().default(""),
  /**
   * Absolute URL of the published site, for the sitemap, feed and canonical links. Until it is
   * set, those are left out rather than pointing at a wrong address.
   */
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  pathPrefix: z
    .string()
    .regex(/^\/([\w.-]+\/)*$/, "must start and end with / (for example /guidance/)")
    .default("/"),
  language: z.string().default("en"),
  phase: z.strictObject({ tag: z.string().min(1), html: safeHtml.optional() }).optional(),
  repository: z
    .strictObject({
      url: z.url({ protocol: /^https$/ }),
      branch: z.string().min(1).default("main"),
      /** Where the content folder sits inside the repository. */
      contentPath: z.string().default("content"),
    })
    .optional(),
  /** Sections shown in the header's service navigation. */
  navigation: z.array(link).default([]),
  footerLinks: z.array(link).default([]),
  contactEmail: z.email().optional(),
  /** Slack channel that owns pages with no owner_slack of their own. */
  ownerSlack: z
    .string()
    .regex(/^[#@]\S+$/, "must be a #channel or @person")
    .optional(),
  /** Old address → new address, for pages moved or removed. */
  redirects: z.record(z.string().regex(/^\//, "must start with /"), z.string().min(1)).default({}),
  /** Ask search engines not to index the whole site (robots.txt and every page). */
  preventIndexing: z.boolean().default(false),
  /** The organisation that publishes the site (the feed's author; the service name when unset). */
  organisation: z.string().min(1).optional(),
  /**
   * Google Analytics: a GA4 measurement id (G-…) or a Tag Manager container (GTM-…). Loaded only
   * after a reader accepts analytics cookies in the cookie banner; adds a cookies page.
   */
  analytics: z
    .strictObject({
      googleTagId: z
        .string()
        .regex(/^(G|GTM)-[A-Z0-9]{4,}$/, "must be a GA4 id (G-…) or a Tag Manager id (GTM-…)"),
    })
    .optional(),
  /** Hosts whose pages content may embed with <iframe> (for example www.youtube-nocookie.com). */
  embedHosts: z
    .array(
      z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, "must be a host name, like www.example.com"),
    )
    .default([]),
  /** Severity per check: error (fails the build), warning (reported), off. */
  checks: z
    .partialRecord(
      z.enum(
        Object.keys(CHECK_KINDS) as [keyof typeof CHECK_KINDS, ...(keyof typeof CHECK_KINDS)[]],
      ),
      z.enum(["error", "warning", "off"]),
    )
    .default({}),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/** Absolute URL of a site path (the path with the prefix until baseUrl is set), with the build's path prefix (for feeds, sitemaps, canonical links). */
export function absoluteUrl(
  baseUrl: string | undefined,
  pathPrefix: string,
  sitePath: string,
): string {
  const prefix = pathPrefix.replace(/^\//, "");
  if (!baseUrl) return `/${prefix}${sitePath.replace(/^\//, "")}`;
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return new URL(prefix + sitePath.replace(/^\//, ""), base).href;
}
