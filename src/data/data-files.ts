// YAML data files in content/_data. The files the engine knows (site settings, timeline)
// are validated here, at load time, so their mistakes are reported with file and line.
import path from "node:path";
import { parseYaml } from "./yaml.js";
import { SiteBuildError } from "../problems/problem.js";
import { parseSettings, SETTINGS_FILE } from "../settings/load.js";
import { parseTimeline, TIMELINE_FILE } from "../timeline/load.js";

export type DataFileParser = (source: string, file: string) => unknown;

const PARSERS: Record<string, DataFileParser> = {
  [SETTINGS_FILE]: parseSettings,
  [TIMELINE_FILE]: parseTimeline,
};

export function yamlDataParser(
  projectRoot: string,
): (contents: string, filePath: string) => unknown {
  return (contents, filePath) => {
    const file = path.relative(projectRoot, path.resolve(filePath));
    const parse = PARSERS[path.basename(filePath)];
    if (parse) return parse(contents, file);
    const parsed = parseYaml(contents);
    if (parsed.errors.length) {
      throw new SiteBuildError(
        parsed.errors.map((e) => ({
          file,
          line: e.line,
          kind: "data-yaml",
          severity: "error",
          message: `this data file is not valid YAML: ${e.message}`,
          hint: "check the indentation, and put text that contains a colon in quotes",
        })),
      );
    }
    return parsed.value;
  };
}
