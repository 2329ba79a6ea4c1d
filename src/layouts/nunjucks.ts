// One Nunjucks environment for layouts and for components rendered from Markdown, with
// GOV.UK Frontend and MoJ Frontend on the loader path so their macros are used as shipped.
import { createRequire } from "node:module";
import path from "node:path";
import nunjucks from "nunjucks";
import mojFilters from "@ministryofjustice/frontend/moj/filters/all.js";
import type { ComponentName, RenderComponent } from "../markdown/components.js";

const require = createRequire(import.meta.url);

export function frontendPaths(): { govuk: string; moj: string } {
  const govukPackage = path.dirname(require.resolve("govuk-frontend/package.json"));
  const mojPackage = path.dirname(require.resolve("@ministryofjustice/frontend/package.json"));
  return { govuk: path.join(govukPackage, "dist"), moj: mojPackage };
}

/**
 * Templates are looked up in the site's own _includes first, then the engine's templates, then
 * GOV.UK and MoJ Frontend. The engine's templates are also reachable as `engine/…`, so a site's
 * own `layouts/page.njk` can `{% extends "engine/layouts/page.njk" %}` and change one block.
 *
 * A flavour's templates (x-govuk's) come first of all and the site's last, the order that tool
 * used: there, a site's `layouts/page.njk` extends "layouts/page.njk" and means the tool's.
 */
export function createNunjucks(
  siteIncludes: string,
  engineTemplates: string,
  flavourTemplates?: string,
): nunjucks.Environment {
  const { govuk, moj } = frontendPaths();
  const searchPath = flavourTemplates
    ? [flavourTemplates, engineTemplates, govuk, moj, siteIncludes]
    : [siteIncludes, engineTemplates, govuk, moj];
  const env = new nunjucks.Environment(
    [
      new nunjucks.FileSystemLoader(searchPath, { noCache: false }),
      new PrefixLoader("engine/", engineTemplates) as nunjucks.FileSystemLoader,
    ],
    // Frontmatter and data are escaped unless a template marks them safe.
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  for (const [name, filter] of Object.entries(mojFilters())) env.addFilter(name, filter);
  return env;
}

/** Serves `prefix` + name from one folder, and nothing else. */
class PrefixLoader extends nunjucks.FileSystemLoader {
  constructor(
    private readonly prefix: string,
    folder: string,
  ) {
    super([folder], { noCache: false });
  }

  override getSource(name: string): nunjucks.LoaderSource {
    // Nunjucks tries the next loader when one returns null.
    if (!name.startsWith(this.prefix)) return null as unknown as nunjucks.LoaderSource;
    return super.getSource(name.slice(this.prefix.length));
  }
}

const MACROS: Record<ComponentName, { file: string; macro: string }> = {
  insetText: { file: "govuk/components/inset-text/macro.njk", macro: "govukInsetText" },
  warningText: { file: "govuk/components/warning-text/macro.njk", macro: "govukWarningText" },
  notificationBanner: {
    file: "govuk/components/notification-banner/macro.njk",
    macro: "govukNotificationBanner",
  },
  details: { file: "govuk/components/details/macro.njk", macro: "govukDetails" },
  tag: { file: "govuk/components/tag/macro.njk", macro: "govukTag" },
  serviceNavigation: {
    file: "govuk/components/service-navigation/macro.njk",
    macro: "govukServiceNavigation",
  },
  footer: { file: "govuk/components/footer/macro.njk", macro: "govukFooter" },
  breadcrumbs: { file: "govuk/components/breadcrumbs/macro.njk", macro: "govukBreadcrumbs" },
  pagination: { file: "govuk/components/pagination/macro.njk", macro: "govukPagination" },
  phaseBanner: { file: "govuk/components/phase-banner/macro.njk", macro: "govukPhaseBanner" },
  sideNavigation: {
    file: "moj/components/side-navigation/macro.njk",
    macro: "mojSideNavigation",
  },
  timeline: { file: "moj/components/timeline/macro.njk", macro: "mojTimeline" },
  cookieBanner: { file: "govuk/components/cookie-banner/macro.njk", macro: "govukCookieBanner" },
  table: { file: "govuk/components/table/macro.njk", macro: "govukTable" },
  radios: { file: "govuk/components/radios/macro.njk", macro: "govukRadios" },
  button: { file: "govuk/components/button/macro.njk", macro: "govukButton" },
  errorSummary: { file: "govuk/components/error-summary/macro.njk", macro: "govukErrorSummary" },
};

type Macro = (params: Record<string, unknown>) => unknown;

/**
 * Renders GOV.UK and MoJ component macros from TypeScript and from layouts (the `component`
 * global). Each macro is looked up once: a `{% from ... import %}` in a layout would run the
 * macro file again on every page, which profiling showed as a large part of layout time.
 */
export function componentRenderer(env: nunjucks.Environment): RenderComponent {
  const macros = new Map<ComponentName, Macro>();
  return (name, params) => {
    let macro = macros.get(name);
    if (!macro) {
      const { file, macro: exportName } = MACROS[name];
      let exported: Record<string, Macro> | undefined;
      const template = env.getTemplate(file, true) as unknown as {
        getExported(cb: (error: Error | null, result: unknown) => void): void;
      };
      template.getExported((error, result) => {
        if (error) throw error;
        exported = result as Record<string, Macro>;
      });
      macro = exported?.[exportName];
      if (!macro) throw new Error(`${file} does not export ${exportName}`);
      macros.set(name, macro);
    }
    return String(macro(params));
  };
}
