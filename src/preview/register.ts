// The preview server (`npm start`, or Eleventy's own --serve). Eleventy's dev server decodes
// request paths without a guard: one request for /%zz throws outside any handler and ends the
// whole process. Requests are checked first; a malformed or escaping path gets a 400 page.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { UserConfig } from "@11ty/eleventy";
import { unsafeAddress } from "../html/address.js";

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => unknown;

export const guardRequests: Middleware = (req, res, next) => {
  const reason = unsafeAddress((req.url ?? "/").split(/[?#]/, 1)[0]!);
  if (!reason) return next();
  res.statusCode = 400;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(`400 Bad request: the address ${reason}.\n`);
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
