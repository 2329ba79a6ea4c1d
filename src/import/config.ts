// config/tech-docs.yml → this site's settings (content/_data/site.yml).
export interface TechDocsConfig {
  ga_tracking_id?: string;
  service_name?: string;
  service_link?: string;
  host?: string;
  header_links?: Record<string, string>;
  footer_links?: Record<string, string>;
  github_repo?: string;
  github_branch?: string;
  redirects?: Record<string, string>;
  prevent_indexing?: boolean;
  default_owner_slack?: string;
  [key: string]: unknown;
}

/**
 * The one Google tag a site keeps, from the ids found: a Tag Manager container first (it loads
 * the rest), else a GA4 id. Universal Analytics (UA-) ids are gone with the service itself.
 */
export function analyticsId(ids: readonly string[]): string | undefined {
  return ids.find((id) => id.startsWith("GTM-")) ?? ids.find((id) => id.startsWith("G-"));
}

const MAPPED = new Set([
  "ga_tracking_id",
  "service_name",
  "host",
  "header_links",
  "footer_links",
  "github_repo",
  "github_branch",
  "redirects",
  "prevent_indexing",
  "default_owner_slack",
]);

/** `newPath` maps an old site path to its address on this site (pages move, files keep theirs). */
export function settingsFromTechDocs(
  config: TechDocsConfig,
  contentPath: string,
  newPath: (oldPath: string) => string,
): { settings: Record<string, unknown>; unmapped: string[] } {
  const links = (record?: Record<string, string>) =>
    Object.entries(record ?? {}).map(([text, href]) => ({
      text,
      href: href.startsWith("/") ? newPath(href) : href,
    }));
  const settings: Record<string, unknown> = {};
  if (config.service_name) settings.serviceName = config.service_name;
  if (config.host) settings.baseUrl = config.host.endsWith("/") ? config.host : `${config.host}/`;
  if (config.header_links) settings.navigation = links(config.header_links);
  if (config.footer_links) settings.footerLinks = links(config.footer_links);
  if (config.github_repo) {
    settings.repository = {
      url: `https://github.com/${config.github_repo}`,
      branch: config.github_branch ?? "main",
      contentPath,
    };
  }
  if (config.default_owner_slack) settings.ownerSlack = config.default_owner_slack;
  if (config.prevent_indexing) settings.preventIndexing = true;
  const tagId = analyticsId(config.ga_tracking_id ? [config.ga_tracking_id] : []);
  if (tagId) settings.analytics = { googleTagId: tagId };
  if (config.redirects) {
    settings.redirects = Object.fromEntries(
      Object.entries(config.redirects).map(([from, to]) => [
        newPath(from.startsWith("/") ? from : `/${from}`),
        to.startsWith("/") ? newPath(to) : to,
      ]),
    );
  }
  const unmapped = Object.keys(config)
    .filter((k) => !MAPPED.has(k))
    .sort();
  return { settings, unmapped };
}
