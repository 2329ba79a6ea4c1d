// Checks http(s) links politely: a few at a time, with a timeout, retrying failures with
// exponential backoff, waiting as long as a 429's Retry-After asks (up to a limit), and
// following redirects. Every broken link is reported at each place it is written.
import type { Problem } from "../../problems/problem.js";
import type { IgnoreRule } from "./ignore-list.js";
import type { ResultCache } from "./cache.js";

export interface ExternalLink {
  url: string;
  file: string;
  line?: number;
}

export interface ExternalCheckOptions {
  concurrency: number;
  timeoutMs: number;
  retries: number;
  /** First backoff delay; doubles on each retry. */
  backoffMs: number;
  /** Longest Retry-After the checker will wait for. */
  maxRetryAfterMs: number;
  maxRedirects: number;
  ignore: IgnoreRule[];
  cache?: ResultCache;
  sleep?: (ms: number) => Promise<void>;
}

export interface UrlResult {
  url: string;
  ok: boolean;
  status?: number;
  detail: string;
  fromCache?: boolean;
  ignored?: string;
}

export const DEFAULT_OPTIONS: Omit<ExternalCheckOptions, "ignore"> = {
  concurrency: 8,
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 1_000,
  maxRetryAfterMs: 60_000,
  maxRedirects: 10,
};

export async function checkExternalLinks(
  links: ExternalLink[],
  options: ExternalCheckOptions,
): Promise<{ problems: Problem[]; results: UrlResult[] }> {
  const byUrl = new Map<string, ExternalLink[]>();
  for (const link of links) {
    const url = link.url.split("#")[0]!;
    byUrl.set(url, [...(byUrl.get(url) ?? []), link]);
  }
  const urls = [...byUrl.keys()];
  const results = await mapLimit(urls, options.concurrency, (url) => checkUrl(url, options));
  options.cache?.save();

  const problems: Problem[] = [];
  for (const result of results) {
    if (result.ok) continue;
    for (const link of byUrl.get(result.url)!) {
      problems.push({
        file: link.file,
        line: link.line,
        kind: "external-link",
        severity: "error",
        message: `external link ${result.url} is broken: ${result.detail}`,
        hint: "update or remove the link; if the site is only reachable from some networks, add it to external-links.ignore with the reason",
      });
    }
  }
  return { problems, results };
}

async function checkUrl(url: string, o: ExternalCheckOptions): Promise<UrlResult> {
  const rule = o.ignore.find((r) => r.test(url));
  if (rule) return { url, ok: true, detail: "ignored", ignored: rule.reason };
  const cached = o.cache?.fresh(url);
  if (cached)
    return {
      url,
      ok: true,
      status: cached.status,
      detail: `${cached.status} (cached)`,
      fromCache: true,
    };

  const sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  let last: UrlResult = { url, ok: false, detail: "not checked" };
  for (let attempt = 0; attempt <= o.retries; attempt++) {
    const outcome = await request(url, o);
    if (outcome.ok) {
      o.cache?.remember(url, outcome.status!);
      return outcome;
    }
    last = outcome;
    if (!outcome.retryable || attempt === o.retries) break;
    await sleep(outcome.retryAfterMs ?? o.backoffMs * 2 ** attempt);
  }
  return last;
}

interface Outcome extends UrlResult {
  retryable?: boolean;
  retryAfterMs?: number;
}

async function request(start: string, o: ExternalCheckOptions): Promise<Outcome> {
  let url = start;
  for (let hop = 0; hop <= o.maxRedirects; hop++) {
    let response: Response;
    try {
      response = await fetchWithTimeout(url, "HEAD", o.timeoutMs);
      // Some servers refuse HEAD; ask again the ordinary way before calling the link broken.
      if (response.status === 405 || response.status === 501 || response.status === 403) {
        response = await fetchWithTimeout(url, "GET", o.timeoutMs);
      }
    } catch (error) {
      const timedOut =
        (error as Error).name === "TimeoutError" || (error as Error).name === "AbortError";
      return {
        url: start,
        ok: false,
        retryable: true,
        detail: timedOut
          ? `no answer within ${o.timeoutMs / 1000} s`
          : `could not connect (${(error as Error).message})`,
      };
    }
    const { status } = response;
    if (status >= 300 && status < 400 && response.headers.get("location")) {
      url = new URL(response.headers.get("location")!, url).href;
      continue;
    }
    if (status < 300)
      return {
        url: start,
        ok: true,
        status,
        detail: hop ? `${status} after ${hop} redirect(s)` : String(status),
      };
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      const waitable = retryAfterMs !== undefined && retryAfterMs <= o.maxRetryAfterMs;
      return {
        url: start,
        ok: false,
        status,
        retryable: waitable || retryAfterMs === undefined,
        retryAfterMs: waitable ? retryAfterMs : undefined,
        detail: "429 Too Many Requests",
      };
    }
    return {
      url: start,
      ok: false,
      status,
      retryable: status >= 500,
      detail: `${status} ${response.statusText}`.trim(),
    };
  }
  return { url: start, ok: false, detail: `more than ${o.maxRedirects} redirects` };
}

async function fetchWithTimeout(url: string, method: string, timeoutMs: number): Promise<Response> {
  const response = await fetch(url, {
    method,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
    headers: { "user-agent": "data-platform-guidance-link-checker" },
  });
  await response.body?.cancel();
  return response;
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}
