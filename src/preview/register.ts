// The preview server (`npm start`, or Eleventy's own --serve). Eleventy's dev server decodes
// request paths without a guard: one request for /%zz throws outside any handler and ends the
// whole process. Requests are checked first; a malformed or escaping path gets a 400 page.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { UserConfig } from "@11ty/eleventy";

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => unknown;

/** Why a request path cannot be served, or undefined when it can. */
export function badRequestPath(url: string | undefined): string | undefined {
  const pathname = (url ?? "/").split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "the address has a malformed % escape";
  }
  if (decoded.includes("\0")) return "the address contains a NUL character";
  if (decoded.split(/[\\/]/).includes("..")) return "the address climbs out of the site with ..";
  return undefined;
}

export const guardRequests: Middleware = (req, res, next) => {
  const reason = badRequestPath(req.url);
  if (!reason) return next();
  res.statusCode = 400;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(`400 Bad request: ${reason}.\n`);
};

export function registerPreview(config: UserConfig): void {
  // Plugins run after the site's own config, so the site's server options are already here;
  // they are kept, with the guard first in the middleware.
  const options =
    (config as unknown as { serverOptions?: { middleware?: Middleware[] } }).serverOptions ?? {};
  config.setServerOptions(
    { ...options, middleware: [guardRequests, ...(options.middleware ?? [])] },
    true,
  );
}
