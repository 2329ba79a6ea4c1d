// Sass stylesheets in the input folder become CSS files at the same address (styles/base.scss →
// /styles/base.css), as x-govuk's scss extension does; files starting with _ are partials.
// A Sass error is a located build error in that file.
import path from "node:path";
import * as sass from "sass";
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
      return () => {
        try {
          return sass.compileString(source, {
            url: new URL(`file://${path.resolve(inputPath)}`),
            loadPaths: [path.dirname(inputPath), ctx.includesDir, "node_modules"],
            importers: [new sass.NodePackageImporter()],
            style: "compressed",
          }).css;
        } catch (error) {
          const e = error as sass.Exception;
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

/** styles/base.scss → /styles/base.css; _partials are not written. */
function cssAddress(inputPath: string, ctx: BuildContext): string | false {
  if (path.basename(inputPath).startsWith("_")) return false;
  const relative = path.relative(ctx.inputDir, path.resolve(inputPath)).split(path.sep).join("/");
  return `/${relative.replace(/\.scss$/, ".css")}`;
}
