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

export function createNunjucks(includesDir: string): nunjucks.Environment {
  const { govuk, moj } = frontendPaths();
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([includesDir, govuk, moj], { noCache: false }),
    // Frontmatter and data are escaped unless a template marks them safe.
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  for (const [name, filter] of Object.entries(mojFilters())) env.addFilter(name, filter);
  return env;
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
};

/** Renders a GOV.UK component macro from TypeScript; each template is compiled once. */
export function componentRenderer(env: nunjucks.Environment): RenderComponent {
  const compiled = new Map<ComponentName, nunjucks.Template>();
  return (name, params) => {
    let template = compiled.get(name);
    if (!template) {
      const { file, macro } = MACROS[name];
      template = new nunjucks.Template(
        `{% from "${file}" import ${macro} %}{{ ${macro}(params) }}`,
        env,
      );
      compiled.set(name, template);
    }
    return template.render({ params });
  };
}
