// @ts-check
// This site's whole configuration: the engine, added as any other team would add it (by its
// package name; this repository's commands run it compiled, from dist/).
import { docsPlugin } from "@ministryofjustice/docs-eleventy-plugin";

/** @param {import("@11ty/eleventy").UserConfig} config */
export default function (config) {
  config.addPlugin(docsPlugin, { copyright: "© Crown copyright" });
  config.setServerOptions({ port: 8080, showAllHosts: false });
  // The content folder is named by `npm run build -- --input=…` (default: content);
  // .gitignore is about the repository, not the content.
  config.setUseGitIgnore(false);
}
