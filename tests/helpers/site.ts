// A built site served on 127.0.0.1 with a headless Chromium, for the browser gate.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "./gate/browser.js";
import { serveSite, type StaticSite } from "./gate/server.js";
import { runBuild, type BuildResult } from "./build.js";

export interface LiveSite {
  build: BuildResult;
  server: StaticSite;
  browser: Browser;
  /** Every built page, as a URL path ("/", "/about/", "/404.html"). */
  pages: string[];
  close(): Promise<void>;
}

export async function openSite(contentDir: string): Promise<LiveSite> {
  const build = await runBuild(contentDir);
  if (build.code !== 0) throw new Error(`The site did not build:\n${build.stderr}`);
  const server = await serveSite(build.output);
  const browser = await launchChromium();
  const pages = readdirSync(build.output, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".html"))
    .map((d) =>
      `/${path.relative(build.output, path.join(d.parentPath, d.name))}`.replace(
        /index\.html$/,
        "",
      ),
    )
    .sort();
  return {
    build,
    server,
    browser,
    pages,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** The Markdown file a page was built from, for messages people can act on. */
export function sourceOf(contentDir: string, urlPath: string): string {
  const base = path.join(contentDir, urlPath.replace(/\/$/, "").replace(/\.html$/, ""));
  const candidates = [`${base}.md`, path.join(base, "index.md")];
  const found = candidates.find((c) => existsSync(c));
  return found ? path.relative(process.cwd(), found) : `${urlPath} (a page the engine provides)`;
}
