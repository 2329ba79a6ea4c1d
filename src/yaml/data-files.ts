// YAML data files in _data. Files with a parser of their own (site settings, timeline) are
// validated at load time, so their mistakes are reported with file and line.
import path from "node:path";
import { parseYaml } from "./yaml.js";
import { SiteBuildError } from "../problems/problem.js";

export type DataFileParser = (source: string, file: string) => unknown;

/** `parsers` maps a file name (site.yml) to the parser that validates it. */
export function yamlDataParser(
  projectRoot: string,
  parsers: Record<string, DataFileParser>,
): (contents: string, filePath: string) => unknown {
  return (contents, filePath) => {
    const file = path.relative(projectRoot, path.resolve(filePath));
    const parse = parsers[path.basename(filePath)];
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
          hint: e.hint ?? "check the indentation, and put text that contains a colon in quotes",
        })),
      );
    }
    return parsed.value;
  };
}
