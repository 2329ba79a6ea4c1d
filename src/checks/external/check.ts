// Checks http(s) links politely: a few at a time and at most two per host, with a timeout,
// retrying failures with exponential backoff, waiting as long as a 429's Retry-After asks (up
// to a limit), following redirects, and within an overall time budget. Never requests an
// internal address (see addresses.ts). Every broken link is reported at each place it is written.
import type { Problem } from "../../problems/problem.js";
import type { IgnoreRule } from "./ignore-list.js";
import type { ResultCache } from "./cache.js";
import { refuseAddress } from "./addresses.js";

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
  /** Requests in flight to one host at a time. */
  perHost: number;
  /** The whole run's time; links not checked by then are counted, not reported broken. */
  budgetMs: number;
  /** Request loopback, private and link-local addresses too (an intranet site's own check). */
  allowInternal: boolean;
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
  /** Not checked: the time budget ran out first. */
  unchecked?: boolean;
}

export const DEFAULT_OPTIONS: Omit<ExternalCheckOptions, "ignore"> = {
  concurrency: 8,
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 1_000,
  maxRetryAfterMs: 60_000,
  maxRedirects: 10,
  perHost: 2,
  budgetMs: 300_000,
  allowInternal: false,
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
  const deadline = Date.now() + options.budgetMs;
  const perHost = new HostLimit(options.perHost);
  const results = await mapLimit(
    urls,
    options.concurrency,
    (url): UrlResult | Promise<UrlResult> => {
      if (!URL.canParse(url)) return { url, ok: false, detail: "it is not a valid address" };
      if (Date.now() >= deadline)
        return { url, ok: true, unchecked: true, detail: "not checked: the time budget ran out" };
      return perHost.run(url, () => checkUrl(url, options, deadline));
    },
  );
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

async function checkUrl(
  url: string,
  o: ExternalCheckOptions,
  deadline: number,
): Promise<UrlResult> {
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
    const wait = outcome.retryAfterMs ?? o.backoffMs * 2 ** attempt;
    if (!outcome.retryable || attempt === o.retries || Date.now() + wait >= deadline) break;
    await sleep(wait);
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
    const refused = await refuse(url, o);
    if (refused)
      return {
        url: start,
        ok: false,
        detail: hop ? `redirects to ${url}, which is refused: ${refused}` : `refused: ${refused}`,
      };
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

async function refuse(url: string, o: ExternalCheckOptions): Promise<string | undefined> {
  const { protocol } = new URL(url);
  if (protocol !== "http:" && protocol !== "https:") return `${protocol} is not a web address`;
  return o.allowInternal ? undefined : refuseAddress(url);
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

/** At most `limit` requests at a time to any one host. */
class HostLimit {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  constructor(private readonly limit: number) {}

  async run<R>(url: string, fn: () => Promise<R>): Promise<R> {
    const host = new URL(url).host;
    while ((this.active.get(host) ?? 0) >= this.limit)
      await new Promise<void>((resolve) =>
        this.waiting.set(host, [...(this.waiting.get(host) ?? []), resolve]),
      );
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    try {
      return await fn();
    } finally {
      this.active.set(host, this.active.get(host)! - 1);
      this.waiting.get(host)?.shift()?.();
    }
  }
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => R | Promise<R>,
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
