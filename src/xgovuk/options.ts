// @x-govuk/govuk-eleventy-plugin's options (v5 to v9 names, from its documentation and
// lib/data/options.js), mapped onto the engine's options and site settings. Nothing is
// dropped silently: an option with no counterpart here becomes a warning that names it.
import type { DocsPluginOptions } from "../options.js";
import { nearestName } from "../yaml/validate.js";
import type { XGovukTemplates } from "./templates.js";

type Link = { text: string; href: string };

export interface XGovukOptions {
  header?: {
    productName?: string | false;
    organisationName?: string;
    organisationLogo?: string | false;
    homepageUrl?: string;
    search?: XGovukSearch | false;
    [key: string]: unknown;
  };
  productName?: string;
  organisation?: string | { name?: string };
  search?: XGovukSearch | false;
  navigation?: { items?: Link[]; [key: string]: unknown };
  footer?: {
    meta?: { items?: Link[]; html?: string; text?: string };
    navigation?: unknown;
    copyright?: string | { text?: string; html?: string };
    licence?: string | { text?: string; html?: string };
    [key: string]: unknown;
  };
  stylesheets?: string[];
  scripts?: string[];
  titleSuffix?: string | boolean;
  opengraphImageUrl?: string;
  templates?: XGovukTemplates;
  markdown?: Record<string, unknown>;
  url?: string | false;
  pathPrefix?: string;
  homeKey?: string;
  showBreadcrumbs?: boolean;
  headingPermalinks?: boolean;
  [key: string]: unknown;
}

interface XGovukSearch {
  label?: string;
  indexPath?: string;
  sitemapPath?: string;
}

export interface MappedOptions {
  options: DocsPluginOptions;
  /** What layouts read as `xgovuk.…`. */
  layoutOptions: { showBreadcrumbs: boolean; titleSuffix?: string; opengraphImageUrl?: string };
  templates: XGovukTemplates;
  warnings: { option: string; message: string }[];
}

/**
 * Options the engine does the same thing for, whatever their value (its breadcrumbs start at the
 * home page, its headings always have permalinks, the path prefix is Eleventy's).
 */
const SAME = new Set(["pathPrefix", "homeKey", "headingPermalinks", "showBreadcrumbs"]);

/** Options with no counterpart in the engine yet. */
const UNSUPPORTED = new Set(["parentSite", "feedUrl"]);

/** Options that only change looks the engine sets itself (GOV.UK Frontend 6 defaults). */
const LOOKS = new Set(["brandColour", "themeColour", "themeColor", "fontFamily", "icons"]);

const KNOWN = [
  ...SAME,
  ...LOOKS,
  ...UNSUPPORTED,
  "header",
  "productName",
  "organisation",
  "search",
  "navigation",
  "footer",
  "stylesheets",
  "scripts",
  "titleSuffix",
  "opengraphImageUrl",
  "templates",
  "markdown",
  "url",
];

export function mapXGovukOptions(x: XGovukOptions = {}): MappedOptions {
  const settings: Record<string, unknown> = {};
  const options: DocsPluginOptions = {};
  const warnings: MappedOptions["warnings"] = [];
  const unsupported = (option: string, why: string) => warnings.push({ option, message: why });

  const productName = x.productName ?? x.header?.productName;
  if (productName) settings.serviceName = productName;
  const organisation =
    typeof x.organisation === "string"
      ? x.organisation
      : (x.organisation?.name ?? x.header?.organisationName);
  if (organisation) settings.organisation = organisation;
  if (x.header?.organisationLogo && x.header.organisationLogo !== "crown")
    unsupported(
      "header.organisationLogo",
      "the engine shows the service name in GOV.UK service navigation, without a logo",
    );
  if (x.navigation?.items) settings.navigation = x.navigation.items;
  if (x.footer?.meta?.items) settings.footerLinks = x.footer.meta.items;
  if (x.footer?.meta?.html || x.footer?.meta?.text)
    unsupported("footer.meta.html", "footer text is not shown; footer.meta.items are");
  if (x.footer?.navigation)
    unsupported("footer.navigation", "the footer shows footer.meta.items only");
  const copyright = x.footer?.copyright;
  if (copyright === "crown") options.copyright = "© Crown copyright";
  else if (typeof copyright === "object" && copyright.text) options.copyright = copyright.text;
  else if (copyright !== undefined)
    unsupported("footer.copyright", "give the copyright as { text: … } or 'crown'");
  if (x.footer?.licence !== undefined && x.footer.licence !== "ogl")
    unsupported("footer.licence", "the footer always shows the Open Government Licence");
  if (x.stylesheets) options.stylesheets = x.stylesheets;
  if (x.scripts) options.scripts = x.scripts;
  if (x.url) settings.baseUrl = x.url;
  for (const [key, value] of Object.entries(x.markdown ?? {})) {
    if (key === "headingPermalinks") continue; // the engine's headings always have permalinks
    if (key === "headingsStartWith" && value === "xl") continue;
    unsupported(
      `markdown.${key}`,
      "the engine's Markdown is set up as x-govuk's defaults are (GOV.UK heading sizes from xl, typographic quotes, line breaks kept)",
    );
  }
  const search = x.search ?? x.header?.search;
  options.search = search !== false;

  for (const key of Object.keys(x)) {
    if (UNSUPPORTED.has(key)) unsupported(key, "not supported by this engine yet");
    else if (LOOKS.has(key))
      unsupported(key, "the engine uses GOV.UK Frontend's own colours, font and icons");
    else if (!KNOWN.includes(key)) {
      const near = nearestName(key, KNOWN);
      unsupported(key, `not an x-govuk option${near ? `; did you mean "${near}"?` : ""}`);
    }
  }
  return {
    options: { ...options, settings },
    layoutOptions: {
      showBreadcrumbs: x.showBreadcrumbs !== false,
      // `true` meant x-govuk's default suffix, "GOV.UK"; unset, pages end with the service name.
      ...(x.titleSuffix ? { titleSuffix: x.titleSuffix === true ? "GOV.UK" : x.titleSuffix } : {}),
      ...(x.opengraphImageUrl ? { opengraphImageUrl: x.opengraphImageUrl } : {}),
    },
    templates: x.templates ?? {},
    warnings,
  };
}
