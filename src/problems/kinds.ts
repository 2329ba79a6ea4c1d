// The checks a site owner can tune in site.yml (`checks:`), and how serious each is by default.
// Broken links and anchors are errors: a pull request that breaks one must fail.
export const CHECK_KINDS = {
  "broken-link": "error",
  "broken-anchor": "error",
  "md-link": "error",
  "undefined-reference": "error",
  "heading-h1": "error",
  "heading-skip": "error",
  "missing-title": "error",
  "image-alt": "error",
  "empty-link": "error",
  mojibake: "error",
  "duplicate-id": "error",
  "timeline-plan-passed": "warning",
} as const;

export type CheckKind = keyof typeof CHECK_KINDS;
export type CheckLevel = "error" | "warning" | "off";
