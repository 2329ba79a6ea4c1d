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
  "template-tag": "warning",
} as const;

export type CheckKind = keyof typeof CHECK_KINDS;
export type CheckLevel = "error" | "warning" | "off";

/**
 * Problems that make building or publishing unsafe (code, active HTML, paths that leave the
 * site). A site can never list them as known problems to live with.
 */
export const SAFETY_KINDS: ReadonlySet<string> = new Set([
  "unsafe-content",
  "unsafe-link",
  "unsafe-html",
  "unsafe-permalink",
]);
