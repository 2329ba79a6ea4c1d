// The ignore list: one pattern per line, each with the reason it is ignored, so that nobody
// has to guess later whether the exception still applies.
//   https://intranet.justice.gov.uk/*   # needs the MoJ network
import type { Problem } from "../../problems/problem.js";

export interface IgnoreRule {
  pattern: string;
  reason: string;
  test(url: string): boolean;
}

export function parseIgnoreList(
  source: string,
  file: string,
): { rules: IgnoreRule[]; problems: Problem[] } {
  const rules: IgnoreRule[] = [];
  const problems: Problem[] = [];
  source.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const [pattern = "", ...rest] = line.split(/\s+#\s*/);
    const reason = rest.join(" # ").trim();
    if (!reason) {
      problems.push({
        file,
        line: i + 1,
        kind: "ignore-list",
        severity: "error",
        message: `"${pattern}" has no reason`,
        hint: "add the reason after the pattern: URL-PATTERN  # why it is ignored",
      });
      return;
    }
    const regex = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`);
    rules.push({ pattern, reason, test: (url) => regex.test(url) });
  });
  return { rules, problems };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
