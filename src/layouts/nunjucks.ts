// One Nunjucks environment for layouts and for components rendered from Markdown, with
// GOV.UK Frontend and MoJ Frontend on the loader path so their macros are used as shipped.
import { createRequire } from "node:module";
import path from "node:path";
import nunjucks from "nunjucks";
import { COMPONENTS, type ComponentName, type RenderComponent } from "../markdown/components.js";

const require = createRequire(import.meta.url);

export function frontendPaths(): { govuk: string; moj: string } {
  const govukPackage = path.dirname(require.resolve("govuk-frontend/package.json"));
  const mojPackage = path.dirname(require.resolve("@ministryofjustice/frontend/package.json"));
  return { govuk: path.join(govukPackage, "dist"), moj: mojPackage };
}

/**
 * MoJ Frontend's Nunjucks filters (its timeline's `date`), by name; a test checks the list is
 * the one MoJ Frontend has. They are loaded at their first use: they load moment, about 20 ms
 * of every build's start, which only a page with a timeline needs.
 */
export const MOJ_FILTERS = ["date", "mojDate"] as const;
let loadedMojFilters: Record<string, (...args: unknown[]) => unknown> | undefined;
const mojFilters = () =>
  (loadedMojFilters ??= (
    require("@ministryofjustice/frontend/moj/filters/all.js") as MojFilters
  )());
type MojFilters = typeof import("@ministryofjustice/frontend/moj/filters/all.js").default;

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
  const loaders = [
    new nunjucks.FileSystemLoader(searchPath, { noCache: false }),
    new PrefixLoader("engine/", engineTemplates) as nunjucks.FileSystemLoader,
  ];
  loaders.forEach(rememberResolved);
  const env = new nunjucks.Environment(
    loaders,
    // Frontmatter and data are escaped unless a template marks them safe.
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  for (const name of MOJ_FILTERS)
    env.addFilter(name, function (this: unknown, ...args: unknown[]) {
      return mojFilters()[name]!.apply(this, args);
    });
  env.addFilter("trim", trim);
  return env;
}

/**
 * Nunjucks' `trim`, the same result for text by String's own trim: Nunjucks' regular expression
 * (/^\s*|\s*$/g) goes back over every run of spaces, and the GOV.UK template trims its header
 * and footer on every page, which took 0.13-0.18 s of a 4,000-page build.
 */
function trim(value: string | nunjucks.runtime.SafeString): string | nunjucks.runtime.SafeString {
  const trimmed = value.toString().trim();
  return value instanceof nunjucks.runtime.SafeString
    ? new nunjucks.runtime.SafeString(trimmed)
    : trimmed;
}

/**
 * Nunjucks finds a relative include or import ("./template.njk") by path.resolve on every
 * render: the GOV.UK template's five imports and its components' includes came to 36,000 a
 * 4,000-page build, about 60 ms. The answer depends only on the two names, so each is
 * worked out once.
 */
function rememberResolved(loader: nunjucks.FileSystemLoader): void {
  const resolve = loader.resolve.bind(loader);
  const known = new Map<string, string>();
  loader.resolve = (from, to) => {
    const key = `${from}\0${to}`;
    let resolved = known.get(key);
    if (resolved === undefined) known.set(key, (resolved = resolve(from, to)));
    return resolved;
  };
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

/** Where each component's macro is: `tagName` → govuk/components/tag-name/macro.njk, govukTagName. */
const MACROS = new Map(
  Object.entries(COMPONENTS).flatMap(([library, names]) =>
    names.map((name: ComponentName) => [
      name,
      {
        file: `${library}/components/${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}/macro.njk`,
        macro: library + name[0]!.toUpperCase() + name.slice(1),
      },
    ]),
  ),
);

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
      const { file, macro: exportName } = MACROS.get(name)!;
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
