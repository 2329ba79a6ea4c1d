// Pages every site gets from the engine, unless its content provides its own.
import { existsSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { Project } from "./project.js";

const NOT_FOUND = `<p class="govuk-body">If you typed the web address, check it is correct.</p>
<p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
<p class="govuk-body">You can <a class="govuk-link" href="/">go to the home page</a> to find what you need.</p>`;

export function registerEnginePages(config: UserConfig, project: Project): void {
  if (!existsSync(path.join(project.inputDir, "404.md"))) {
    config.addTemplate("engine-404.njk", NOT_FOUND, {
      title: "Page not found",
      layout: "error",
      permalink: "/404.html",
      eleventyExcludeFromCollections: true,
    });
  }
}
