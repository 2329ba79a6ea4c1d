// Builds the real content/ and checks what readers get, including the seed facts.
import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import path from "node:path";
import { appendFileSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { MONTHS } from "../../src/dates/calendar.js";
import { copyTree, projectRoot, runBuild, type BuildResult } from "../helpers/build.js";

const PAGES: [string, string][] = [
  ["/", "Data Platform"],
  ["/analytical-platform/", "Analytical Platform user guide"],
  ["/analytical-platform/information-governance/", "Information governance"],
  ["/analytical-platform/get-support/", "Get support"],
  ["/about/", "About"],
  ["/about/timeline/", "Timeline"],
  ["/accessibility/", "Accessibility statement"],
  ["/contributing/", "Contributing"],
];

let site: BuildResult;
/** The same content with its published address set, as it will be once the address is known. */
let published: BuildResult;
beforeAll(async () => {
  const withBaseUrl = copyTree(path.join(projectRoot, "content"));
  appendFileSync(
    path.join(withBaseUrl, "_data/site.yml"),
    "baseUrl: https://guidance.example.gov.uk/\n",
  );
  [site, published] = await Promise.all([
    runBuild(path.join(projectRoot, "content")),
    runBuild(withBaseUrl),
  ]);
});

describe("the real site", () => {
  it("builds without errors", () => {
    expect(site.code).toBe(0);
    expect(site.stderr).not.toMatch(/\berror\b/);
  });

  it.each(PAGES)("has %s titled %s", (url, title) => {
    const html = site.html(url);
    expect(html).toMatch(new RegExp(`<h1 class="govuk-heading-xl">${title}</h1>`));
  });

  it("reaches every page from the header, footer or the user guide's side navigation", () => {
    const home = site.html("/");
    const guide = site.html("/analytical-platform/");
    const reachable = new Set([...(home + guide).matchAll(/href="([^"#]+)"/g)].map((m) => m[1]));
    for (const [url] of PAGES) expect(reachable).toContain(url);
  });

  it("lists the user guide's pages in its side navigation", () => {
    const nav = site
      .html("/analytical-platform/")
      .match(/<nav class="moj-side-navigation"[\s\S]*?<\/nav>/)![0];
    expect([...nav.matchAll(/>([^<>]+)<\/a>/g)].map((m) => m[1])).toEqual([
      "Analytical Platform user guide",
      "Information governance",
      "Get support",
    ]);
  });

  it("puts the timeline under About, as its seed frontmatter says", () => {
    const html = site.html("/about/timeline/");
    expect(html).toMatch(/govuk-breadcrumbs__link" href="\/about\/">About</);
    expect(site.html("/about/")).toMatch(/aria-current="page">\s*About/);
  });
});

describe("the timeline page", () => {
  const items = () =>
    [
      ...site
        .html("/about/timeline/")
        .matchAll(
          /<div class="moj-timeline__item"[\s\S]*?<time datetime="([^"]+)">([^<]+)<\/time>/g,
        ),
    ].map((m) => ({ block: m[0], datetime: m[1]!, label: m[2]! }));

  it("shows all 31 milestones, newest first", () => {
    const list = items();
    expect(list).toHaveLength(31);
    const dates = list.map((i) => i.datetime);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates[0]).toBe("2025-03");
    expect(dates.at(-1)).toBe("2017-05");
  });

  it("derives every visible date from the same stored date as its datetime", () => {
    for (const { datetime, label } of items()) {
      const [year, month] = datetime.split("-").map(Number);
      expect(
        label.startsWith(`${MONTHS[month! - 1]} `) || label.startsWith(`${MONTHS[month! - 1]} to `),
      ).toBe(true);
      expect(label.endsWith(String(year)) || /to \w+ \d{4}$/.test(label)).toBe(true);
    }
  });

  it("uses the visible date where the seed's datetime disagreed", () => {
    const byTitle = (t: string) => items().find((i) => i.block.includes(t))!;
    expect(byTitle("Create a Pipeline")).toMatchObject({
      datetime: "2023-04",
      label: "April 2023",
    });
    expect(byTitle("analytics engineering profession was born")).toMatchObject({
      datetime: "2022-04",
      label: "April 2022",
    });
    expect(byTitle("metadata standard")).toMatchObject({
      datetime: "2020-12",
      label: "December 2020",
    });
  });

  it("renders the hackathon as a span", () => {
    const hackathon = items().find((i) => i.block.includes("second major hackathon"))!;
    expect(hackathon).toMatchObject({ datetime: "2024-03", label: "March to April 2024" });
  });

  it("shows the three plans whose date has passed as plans with no update, not as news", () => {
    const overdue = items().filter((i) => i.block.includes(">\n  No update\n</strong>"));
    expect(overdue.map((i) => i.datetime)).toEqual(["2025-03", "2025-03", "2024-11"]);
    expect(overdue.every((i) => i.block.includes("We will"))).toBe(true);
    expect(site.html("/about/timeline/")).toContain("Planned for March 2025, no update since.");
    expect(items().filter((i) => i.block.includes(">\n  Planned\n</strong>"))).toEqual([]);
  });

  it("sums the passed plans up in one warning, for npm run review to list", () => {
    expect(site.stderr.match(/warning {2}.*planned milestone.*/g)).toEqual([
      "warning  3 planned milestones have passed their date with no update; `npm run review` lists them",
    ]);
  });

  it("links its Atom feed from the page head once the site's address is known", () => {
    const feedLink = '<link rel="alternate" type="application/atom+xml" href="/feed.xml"';
    expect(published.html("/about/timeline/")).toContain(feedLink);
    expect(site.html("/about/timeline/")).not.toContain(feedLink);
  });
});

describe("without a published address (baseUrl)", () => {
  it("publishes nothing that points at a wrong address, and says once what to set", () => {
    expect(site.exists("/feed.xml")).toBe(false);
    expect(site.exists("/sitemap.xml")).toBe(false);
    expect(site.html("/robots.txt")).toBe("User-agent: *\nAllow: /\n");
    expect(site.html("/")).not.toMatch(/localhost|rel="canonical"|og:url/);
    expect(site.stdout.match(/baseUrl is not set/g)).toHaveLength(1);
    expect(published.html("/")).toContain(
      '<link rel="canonical" href="https://guidance.example.gov.uk/">',
    );
    expect(published.html("/sitemap.xml")).toContain(
      "<loc>https://guidance.example.gov.uk/about/</loc>",
    );
  });
});

describe("the Atom feed", () => {
  it("is well-formed Atom with 31 entries linking to the timeline", () => {
    const xml = published.html("/feed.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    for (const field of ["id", "title", "updated", "author"]) expect(feed[field]).toBeTruthy();
    const entries = feed.entry as Record<string, unknown>[];
    expect(entries).toHaveLength(31);
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    expect(rfc3339.test(feed.updated)).toBe(true);
    const ids = new Set<string>();
    for (const entry of entries) {
      expect(rfc3339.test(entry.updated as string)).toBe(true);
      expect(entry.title).toBeTruthy();
      const link = (entry.link as Record<string, string>)["@_href"]!;
      expect(link).toMatch(/^https:\/\/guidance\.example\.gov\.uk\/about\/timeline\/#/);
      expect(site.html("/about/timeline/")).toContain(`id="${link.split("#")[1]}"`);
      ids.add(entry.id as string);
    }
    expect(ids.size).toBe(31);
  });
});

describe("facts from the seeds", () => {
  it("keeps the contact address", () => {
    expect(site.html("/analytical-platform/get-support/")).toContain(
      'href="mailto:analytical_platform@digital.justice.gov.uk"',
    );
  });

  it("lists the five hosted organisations", () => {
    const html = site.html("/analytical-platform/");
    for (const org of [
      "Criminal Injuries Compensation Authority (CICA)",
      "HM Courts &amp; Tribunals Service (HMCTS)",
      "HM Prison and Probation Service (HMPPS)",
      "Legal Aid Agency (LAA)",
      "Office of the Public Guardian (OPG)",
    ]) {
      expect(html).toContain(org);
    }
  });

  it("records the Data Uploader release in September 2022", () => {
    const timeline = parseYaml(
      readFileSync(path.join(projectRoot, "content/_data/timeline.yml"), "utf8"),
    ) as { date: string; title: string }[];
    expect(timeline.find((m) => m.title.includes("Data Uploader"))?.date).toBe("2022-09");
    expect(site.html("/about/timeline/")).toMatch(
      /We released the Data Uploader[\s\S]*?<time datetime="2022-09">September 2022<\/time>/,
    );
  });

  it("keeps the security classifications and the example use case", () => {
    expect(site.html("/analytical-platform/information-governance/")).toMatch(
      /OFFICIAL and\s+OFFICIAL-SENSITIVE/,
    );
    expect(site.html("/about/")).toMatch(/released from prison who need social housing/);
  });

  it("has no mis-encoded characters outside code samples", () => {
    for (const [url] of PAGES) {
      const text = site.html(url).replace(/<code[^>]*>[\s\S]*?<\/code>/g, "");
      expect(text).not.toMatch(/â€|Ã/);
    }
  });
});
