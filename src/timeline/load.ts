// Loads content/_data/timeline.yml: every mistake is reported with file, line, entry and field.
import { parseYaml, lineOfPath } from "../yaml/yaml.js";
import { zodProblems } from "../yaml/validate.js";
import { SiteBuildError, type Problem } from "../problems/problem.js";
import { timelineSchema, type Milestone } from "./schema.js";

export const TIMELINE_FILE = "timeline.yml";

export interface LocatedMilestone extends Milestone {
  source: { file: string; line?: number };
}

export function parseTimeline(source: string, file: string): LocatedMilestone[] {
  const parsed = parseYaml(source);
  if (parsed.errors.length) {
    throw new SiteBuildError(
      parsed.errors.map<Problem>((e) => ({
        file,
        line: e.line,
        kind: "timeline-yaml",
        severity: "error",
        message: `the timeline is not valid YAML: ${e.message}`,
        hint: e.hint ?? "each milestone starts with '- date:' and its fields are indented under it",
      })),
    );
  }
  const value = parsed.value ?? [];
  const result = timelineSchema.safeParse(value);
  if (!result.success) {
    const entries = Array.isArray(value) ? (value as { title?: unknown }[]) : [];
    throw new SiteBuildError(
      zodProblems(result.error, {
        file,
        parsed,
        kind: "timeline",
        entryDepth: 1,
        describe: (path) => {
          if (typeof path[0] !== "number") return "the timeline must be a list of milestones";
          const title = entries[path[0]]?.title;
          return typeof title === "string" && title.trim()
            ? `milestone ${path[0] + 1} ("${title}")`
            : `milestone ${path[0] + 1}`;
        },
      }),
    );
  }
  return result.data.map((m, i) => ({ ...m, source: { file, line: lineOfPath(parsed, [i]) } }));
}
