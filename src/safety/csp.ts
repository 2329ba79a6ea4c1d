// The Content-Security-Policy every page carries (as a <meta> tag, since a static site has no
// headers of its own): scripts only from the site itself, plus GOV.UK Frontend's one inline
// script by its hash; no plugins, no <base>, forms post only to the site. Should raw HTML ever
// get past the content checks, the browser still refuses to run it.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The hash of the inline script GOV.UK Frontend's page template adds to <body>. */
function govukInlineScriptHash(): string {
  const template = readFileSync(require.resolve("govuk-frontend/dist/govuk/template.njk"), "utf8");
  const script = /<script[^>]*>([^<]+)<\/script>/.exec(template)?.[1];
  if (!script) throw new Error("GOV.UK Frontend's template has no inline script to allow");
  return `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
}

let scriptHash: string | undefined;

export interface CspSources {
  /** Hosts content may embed with <iframe>. */
  embedHosts: readonly string[];
  /** Stylesheets every page links to (their origins are allowed). */
  stylesheets: readonly string[];
  /** Scripts every page loads, from the site's config (their origins are allowed). */
  scripts: readonly string[];
  /** Hosts analytics loads from and reports to, when the site uses analytics. */
  analytics?: { script: readonly string[]; connect: readonly string[] };
}

export function contentSecurityPolicy(sources: CspSources): string {
  scriptHash ??= govukInlineScriptHash();
  const originsOf = (urls: readonly string[]) =>
    urls.flatMap((href) => {
      try {
        return [new URL(href).origin];
      } catch {
        return []; // a site path: already 'self'
      }
    });
  const frames = sources.embedHosts.map((host) => `https://${host}`);
  return [
    "default-src 'self'",
    // Search runs Pagefind's WebAssembly.
    [
      "script-src 'self'",
      scriptHash,
      "'wasm-unsafe-eval'",
      ...originsOf(sources.scripts),
      ...(sources.analytics?.script ?? []),
    ].join(" "),
    ["connect-src 'self'", ...(sources.analytics?.connect ?? [])].join(" "),
    // Guides use style attributes; the content checks refuse styles that load anything.
    ["style-src 'self' 'unsafe-inline'", ...originsOf(sources.stylesheets)].join(" "),
    "img-src 'self' https: data:",
    `frame-src ${frames.length ? frames.join(" ") : "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}
