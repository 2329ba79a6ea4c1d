// External link checking against a local server: never the network.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  checkExternalLinks,
  parseRetryAfter,
  DEFAULT_OPTIONS,
  type ExternalCheckOptions,
} from "../../../src/checks/external/check.js";
import { ResultCache } from "../../../src/checks/external/cache.js";
import { isInternalAddress } from "../../../src/checks/external/addresses.js";
import { parseIgnoreList } from "../../../src/checks/external/ignore-list.js";

const hits = new Map<string, number>();
let base = "";
const server = http.createServer((req, res) => {
  const url = req.url ?? "/";
  const count = (hits.get(url) ?? 0) + 1;
  hits.set(url, count);
  if (url === "/ok") return res.writeHead(200).end("fine");
  if (url === "/missing") return res.writeHead(404).end();
  if (url === "/old") return res.writeHead(301, { location: "/older" }).end();
  if (url === "/older") return res.writeHead(301, { location: `${base}/ok` }).end();
  if (url === "/busy")
    return count === 1
      ? res.writeHead(429, { "retry-after": "2" }).end()
      : res.writeHead(200).end();
  if (url === "/flaky") return count < 3 ? res.writeHead(503).end() : res.writeHead(200).end();
  if (url === "/no-head")
    return req.method === "HEAD" ? res.writeHead(405).end() : res.writeHead(200).end();
  if (url === "/slow") return; // never answers
  res.writeHead(500).end();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function options(extra: Partial<ExternalCheckOptions> = {}) {
  const waits: number[] = [];
  return {
    waits,
    options: {
      ...DEFAULT_OPTIONS,
      timeoutMs: 300,
      backoffMs: 10,
      allowInternal: true, // the test server is on this machine
      ignore: [],
      sleep: async (ms: number) => {
        waits.push(ms);
      },
      ...extra,
    } satisfies ExternalCheckOptions,
  };
}

const link = (p: string, line = 3) => ({ url: `${base}${p}`, file: "content/page.md", line });

describe("addresses the checker refuses", () => {
  it("knows loopback, private, link-local and mapped addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
    ])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of ["8.8.8.8", "151.101.0.144", "2a04:4e42::144"])
      expect(isInternalAddress(a), a).toBe(false);
  });

  it("does not request internal addresses or other schemes, and counts them broken", async () => {
    const { options: o } = options({ allowInternal: false });
    const { problems } = await checkExternalLinks(
      [link("/ok"), { url: "data:text/html,hi", file: "content/page.md", line: 8 }],
      o,
    );
    expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      `3 external link ${base}/ok is broken: refused: 127.0.0.1 is an internal address (127.0.0.1)`,
      "8 external link data:text/html,hi is broken: refused: data: is not a web address",
    ]);
  });

  it("stops within its time budget and counts what it did not check", async () => {
    const { options: o } = options({ budgetMs: 0 });
    const { problems, results } = await checkExternalLinks([link("/ok"), link("/missing")], o);
    expect(problems).toEqual([]);
    expect(results.map((r) => r.unchecked)).toEqual([true, true]);
  });
});

describe("external link checking", () => {
  it("passes 200s and redirect chains, and reports 404s at every place they are written", async () => {
    const { options: o } = options();
    const { problems, results } = await checkExternalLinks(
      [link("/ok"), link("/old", 4), link("/missing", 5), link("/missing#part", 9)],
      o,
    );
    expect(results.find((r) => r.url.endsWith("/old"))).toMatchObject({
      ok: true,
      status: 200,
      detail: "200 after 2 redirect(s)",
    });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      `content/page.md:5 external link ${base}/missing is broken: 404 Not Found`,
      `content/page.md:9 external link ${base}/missing is broken: 404 Not Found`,
    ]);
    expect(hits.get("/missing")).toBe(1); // one request per URL, however often it is linked
  });

  it("waits as long as a 429's Retry-After asks, then succeeds", async () => {
    const { options: o, waits } = options();
    const { problems } = await checkExternalLinks([link("/busy")], o);
    expect(problems).toEqual([]);
    expect(waits).toEqual([2000]);
  });

  it("retries server errors with exponential backoff", async () => {
    const { options: o, waits } = options({ retries: 3 });
    const { problems } = await checkExternalLinks([link("/flaky")], o);
    expect(problems).toEqual([]);
    expect(waits).toEqual([10, 20]);
  });

  it("asks again with GET when a server refuses HEAD", async () => {
    const { options: o } = options();
    expect((await checkExternalLinks([link("/no-head")], o)).problems).toEqual([]);
  });

  it("gives up on a server that does not answer, after its retries", async () => {
    const { options: o, waits } = options({ retries: 1 });
    const { problems } = await checkExternalLinks([link("/slow", 7)], o);
    expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      `7 external link ${base}/slow is broken: no answer within 0.3 s`,
    ]);
    expect(waits).toEqual([10]);
  });

  it("skips ignored URLs and uses cached successes until they expire", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "cache-")), "links.json");
    let now = 1_000_000;
    const { options: o } = options();
    const ignore = parseIgnoreList(
      `${base}/missing*  # known to be gone\n`,
      "external-links.ignore",
    ).rules;
    const run = () =>
      checkExternalLinks([link("/ok"), link("/missing")], {
        ...o,
        ignore,
        cache: new ResultCache(cacheFile, 60_000, () => now),
      });
    const before = hits.get("/ok") ?? 0;
    expect((await run()).problems).toEqual([]);
    expect((await run()).results.find((r) => r.url.endsWith("/ok"))?.fromCache).toBe(true);
    expect(hits.get("/ok")).toBe(before + 1);
    now += 61_000;
    await run();
    expect(hits.get("/ok")).toBe(before + 2);
  });
});

describe("the ignore list", () => {
  it("needs a reason on every line", () => {
    const { rules, problems } = parseIgnoreList(
      "# comment\nhttps://a.example/*  # private\nhttps://b.example/\n",
      "external-links.ignore",
    );
    expect(rules.map((r) => [r.pattern, r.reason, r.test("https://a.example/x/y")])).toEqual([
      ["https://a.example/*", "private", true],
    ]);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'external-links.ignore:3 "https://b.example/" has no reason',
    ]);
  });
});

describe("Retry-After", () => {
  it("accepts seconds and HTTP dates", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(
      parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT")),
    ).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
