import { createMarkdown } from "../../src/markdown/index.js";
import { componentRenderer, createNunjucks } from "../../src/layouts/nunjucks.js";
import type { Problem } from "../../src/problems/problem.js";
import { projectRoot } from "./build.js";
import path from "node:path";

/**
 * The site's Markdown renderer with real GOV.UK macros and a fake page index. `htmlChecks()`
 * counts the HTML the raw-HTML policy has been asked about (it reads the policy each time).
 */
export function markdown(pages: Record<string, string> = {}) {
  const problems: Problem[] = [];
  let checked = 0;
  const md = createMarkdown({
    renderComponent: componentRenderer(
      createNunjucks(
        path.join(projectRoot, "content/_includes"),
        path.join(projectRoot, "templates"),
      ),
    ),
    htmlPolicy: () => {
      checked++;
      return { embedHosts: ["www.youtube-nocookie.com"] };
    },
    links: {
      inputDir: path.join(projectRoot, "content"),
      urlForSource: (file) => pages[path.relative(projectRoot, file)],
      report: (p) => problems.push(p),
      displayPath: (p) => path.relative(projectRoot, path.resolve(p)),
    },
  });
  const render = (src: string, inputPath = "./content/guide/page.md", bodyLineOffset = 0) =>
    md.render(src, { page: { inputPath }, _frontmatter: { bodyLineOffset } });
  return { render, problems, htmlChecks: () => checked };
}
