// Packages that ship no type declarations.
declare module "markdown-it-deflist" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module "@ministryofjustice/frontend/moj/filters/all.js" {
  const filters: () => Record<string, (...args: unknown[]) => unknown>;
  export default filters;
}
declare module "govuk-frontend" {
  export class Component {}
  export const ServiceNavigation: typeof Component;
  export const SkipLink: typeof Component;
  export const NotificationBanner: typeof Component;
  export function createAll(component: typeof Component): unknown[];
}
declare module "markdown-it-abbr" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module "markdown-it-ins" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module "markdown-it-mark" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module "markdown-it-sub" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module "markdown-it-sup" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module "markdown-it-image-figures" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt, options?: { figcaption?: boolean | "title" | "alt" }) => void;
  export default plugin;
}
declare module "markdown-it-footnote" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module "markdown-it-container" {
  import type MarkdownIt from "markdown-it";
  const plugin: (
    md: MarkdownIt,
    name: string,
    options?: { validate?(params: string): boolean; marker?: string },
  ) => void;
  export default plugin;
}
declare module "markdown-it-attrs" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt, options?: { allowedAttributes?: (string | RegExp)[] }) => void;
  export default plugin;
}
