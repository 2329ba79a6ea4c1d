// Sass stylesheets in the input folder become CSS files at the same address (styles/base.scss →
// /styles/base.css), as x-govuk's scss extension does; files starting with _ are partials.
// A Sass error is a located build error in that file.
import path from "node:path";
import type * as Sass from "sass";
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../context.js";

export function registerSass(config: UserConfig, ctx: BuildContext): void {
  config.addTemplateFormats("scss");
  config.addExtension("scss", {
    outputFileExtension: "css",
    compileOptions: {
      permalink: (_: unknown, inputPath: string) => () => cssAddress(inputPath, ctx),
    },
    compile(source: string, inputPath: string) {
      if (path.basename(inputPath).startsWith("_")) return undefined;
      return async () => {
        externalImports(source, inputPath, ctx);
        // Sass takes a quarter of a second to load: only when a site has a stylesheet.
        const sass = await import("sass");
        try {
          return sass.compileString(source, {
            url: new URL(`file://${path.resolve(inputPath)}`),
            loadPaths: [path.dirname(inputPath), ctx.includesDir, "node_modules"],
            importers: [new sass.NodePackageImporter()],
            style: "compressed",
          }).css;
        } catch (error) {
          const e = error as Sass.Exception;
          ctx.registry.problems.add({
            file: ctx.registry.displayPath(inputPath),
            line: e.span?.start ? e.span.start.line + 1 : undefined,
            kind: "stylesheet",
            message: `the stylesheet could not be compiled: ${e.sassMessage ?? e.message}`,
          });
          return "";
        }
      };
    },
  });
}

/**
 * `@import url(https://…)` loads a stylesheet (often a font) from another site, which every
 * page's Content-Security-Policy blocks: said at its line instead of failing quietly in browsers.
 */
function externalImports(source: string, inputPath: string, ctx: BuildContext): void {
  source.split("\n").forEach((text, i) => {
    const url = /@import\s+(?:url\(\s*)?["']?(https?:\/\/[^"')\s]+)/i.exec(text)?.[1];
    if (!url) return;
    ctx.registry.problems.add({
      file: ctx.registry.displayPath(inputPath),
      line: i + 1,
      kind: "stylesheet",
      severity: "warning",
      message: `this imports ${url}, a stylesheet on another site, which the pages' Content-Security-Policy blocks`,
      hint: "copy the stylesheet (or font) into the site and import it from there; GOV.UK pages should not load fonts from other sites",
    });
  });
}

/** styles/base.scss → /styles/base.css; _partials are not written. */
function cssAddress(inputPath: string, ctx: BuildContext): string | false {
  if (path.basename(inputPath).startsWith("_")) return false;
  const relative = path.relative(ctx.inputDir, path.resolve(inputPath)).split(path.sep).join("/");
  return `/${relative.replace(/\.scss$/, ".css")}`;
}
