// This site's whole configuration: the engine, added as any other team would add it.
import type { UserConfig } from "@11ty/eleventy";
import { docsPlugin } from "./src/index.js";

export default function (config: UserConfig) {
  config.addPlugin(docsPlugin, { copyright: "© Crown copyright" });
  config.setServerOptions({ port: 8080, showAllHosts: false });
  // The content folder is named by `npm run build -- --input=…` (default: content);
  // .gitignore is about the repository, not the content.
  config.setUseGitIgnore(false);
}
