// Validates built pages with html-validate. The rules are html-validate's recommended set;
// each exception below is one GOV.UK Frontend's own markup needs, with the reason.
import { HtmlValidate, type ConfigData } from "html-validate";

export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: {
    // GOV.UK Frontend's macros indent their output with trailing spaces: not a defect.
    "no-trailing-whitespace": "off",
    // A <div role="region"> is how GOV.UK's notification banner, and our focusable scrolling
    // table wrappers, are written; <section> would not be better here.
    "prefer-native-element": ["error", { exclude: ["region"] }],
  },
};

export interface HtmlError {
  rule: string;
  message: string;
  line: number;
  column: number;
}

const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);

export async function validateHtml(html: string, filename: string): Promise<HtmlError[]> {
  const report = await validator.validateString(html, filename);
  return report.results.flatMap((r) =>
    r.messages.map((m) => ({ rule: m.ruleId, message: m.message, line: m.line, column: m.column })),
  );
}
