// The preview server (`npm start`, or Eleventy's own --serve). Eleventy's dev server decodes
// request paths without a guard: one request for /%zz throws outside any handler and ends the
// whole process. Requests are checked first; a malformed or escaping path gets a 400 page.
// It also tells the command line when an edit changes what other pages show (a title in their
// side navigation), so that rebuild is a whole one rather than the edited page alone.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { UserConfig } from "@11ty/eleventy";
import { unsafeAddress } from "../html/address.js";
import { readFrontmatter } from "../frontmatter/parse.js";
import type { PageRegistry } from "../pages/registry.js";

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => unknown;

export const guardRequests: Middleware = (req, res, next) => {
  const reason = unsafeAddress((req.url ?? "/").split(/[?#]/, 1)[0]!);
  if (!reason) return next();
  res.statusCode = 400;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(`400 Bad request: the address ${reason}.\n`);
};

const registries = new WeakMap<UserConfig, PageRegistry>();

/**
 * Whether saving `files` changes other pages: a page added or removed, or a title, navigation
 * key, parent, order or visibility different from what the last build recorded.
 */
export function changesOtherPages(config: UserConfig, files: readonly string[]): boolean {
  const registry = registries.get(config);
  return files.some((file) => {
    if (!file.endsWith(".md")) return false;
    const record = registry?.pageAtPath(path.resolve(file));
    if (!registry || !record) return true; // a new page
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch {
      return true; // deleted
    }
    return registry.navigationChanged(record.inputPath, readFrontmatter(source) ?? {});
  });
}

export function registerPreview(config: UserConfig, registry: PageRegistry): void {
  registries.set(config, registry);
  // Plugins run after the site's own config, so the site's server options are already here;
  // they are kept, with the guard first in the middleware.
  const options =
    (config as unknown as { serverOptions?: { middleware?: Middleware[] } }).serverOptions ?? {};
  config.setServerOptions(
    { ...options, middleware: [guardRequests, ...(options.middleware ?? [])] },
    true,
  );
}
