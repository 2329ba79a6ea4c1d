// Runs axe-core in a real page against WCAG 2.2 A and AA (and axe's best practices), and
// reports anything the page's Content-Security-Policy refused (an inline script, say) as a
// violation too: a page that runs what the policy forbids fails the gate.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  elements: string[];
}

export async function auditPage(page: Page): Promise<AxeViolation[]> {
  const csp = await cspViolations(page);
  // Evaluated by the browser's debugger protocol, which the page's own policy does not govern.
  await page.evaluate(`${AXE_SOURCE};void 0`);
  const results = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              helpUrl: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    return axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
  }, WCAG_TAGS);
  return [...csp, ...results.violations].map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    elements: v.nodes.map((n) => n.target.join(" ")),
  }));
}

/** What the page's Content-Security-Policy blocked since it loaded, as axe-shaped violations. */
export async function cspViolations(page: Page) {
  const reports = await page.evaluate(
    () =>
      new Promise<{ directive: string; blocked: string; sample: string }[]>((resolve) => {
        // Buffered: the reports of everything blocked since the page started loading.
        const found: { directive: string; blocked: string; sample: string }[] = [];
        new ReportingObserver(
          (reports) => {
            for (const r of reports) {
              const body = r.body as unknown as Record<string, string>;
              found.push({
                directive: body.effectiveDirective ?? "",
                blocked: body.blockedURL ?? "",
                sample: body.sample ?? "",
              });
            }
          },
          { types: ["csp-violation"], buffered: true },
        ).observe();
        setTimeout(() => resolve(found), 50);
      }),
  );
  return reports.map((r) => ({
    id: "content-security-policy",
    impact: "serious",
    help: `the page's Content-Security-Policy (${r.directive}) blocked ${r.blocked === "inline" ? "inline content" : r.blocked}`,
    helpUrl: "https://developer.mozilla.org/docs/Web/HTTP/CSP",
    nodes: [{ target: [r.sample || r.blocked] }],
  }));
}

export function formatViolations(url: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${url}: ${v.rule} (${v.impact}) ${v.help}\n  ${v.elements.join("\n  ")}\n  ${v.helpUrl}`,
    )
    .join("\n");
}
