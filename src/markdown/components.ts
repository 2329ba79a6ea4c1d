// GitHub alert syntax and `::: details` blocks become GOV.UK components. The markup comes
// from GOV.UK Frontend's own Nunjucks macros (through `renderComponent`), never a copy of it.
import type { MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";
import container from "markdown-it-container";

/** The GOV.UK Frontend and MoJ Frontend components pages use, by their macros' names. */
export const COMPONENTS = {
  govuk: [
    "insetText",
    "warningText",
    "notificationBanner",
    "details",
    "tag",
    "serviceNavigation",
    "footer",
    "breadcrumbs",
    "pagination",
    "phaseBanner",
    "cookieBanner",
    "table",
    "radios",
    "button",
    "errorSummary",
  ],
  moj: ["sideNavigation", "timeline"],
} as const;
export type ComponentName = (typeof COMPONENTS)[keyof typeof COMPONENTS][number];
export type RenderComponent = (name: ComponentName, params: Record<string, unknown>) => string;

/** GitHub alert kind → GOV.UK component. */
const ALERTS: Record<string, { component: ComponentName; title: string }> = {
  note: { component: "insetText", title: "Note" },
  tip: { component: "insetText", title: "Tip" },
  important: { component: "notificationBanner", title: "Important" },
  warning: { component: "warningText", title: "Warning" },
  caution: { component: "warningText", title: "Caution" },
};
/** `[!NOTE]`, or with a title of its own: `[!NOTE] Before you start`. */
const ALERT_MARKER = /^\[!(note|tip|important|warning|caution)\](?:[ \t]+(\S.*?))?[ \t]*$/i;

interface ComponentMeta {
  component: ComponentName;
  title: string;
  /** A title the author gave the alert (`[!NOTE] Before you start`), shown as its heading. */
  heading?: string;
  inner: Token[];
}

export function components(md: MarkdownIt, render: RenderComponent): void {
  md.use(container, "details", {
    validate: (params: string) => /^details(\s|$)/.test(params.trim()),
  });

  // After inline parsing, so the collapsed blocks keep their parsed inline content.
  md.core.ruler.push("govuk_components", (state) => {
    state.tokens = collapse(state.tokens, state.Token);
  });

  md.renderer.rules.govuk_component = (tokens, idx, options, env, self) => {
    const { component, title, heading, inner } = tokens[idx]!.meta as unknown as ComponentMeta;
    const escaped = heading === undefined ? undefined : md.utils.escapeHtml(heading);
    if (component === "warningText") {
      // Warning text sits inside <strong>: give it the paragraphs' inline HTML only.
      const html = inner
        .filter((t) => t.type === "inline")
        .map((t) => self.renderInline(t.children ?? [], options, env))
        .join("<br>");
      const titled = escaped === undefined ? html : `${escaped}<br>${html}`;
      return render("warningText", { html: titled, iconFallbackText: title });
    }
    const html = self.render(inner, options, env);
    if (component === "details") return render("details", { summaryText: title, html });
    if (component === "notificationBanner") {
      const titled = escaped && `<h3 class="govuk-notification-banner__heading">${escaped}</h3>`;
      return render("notificationBanner", { titleText: title, html: (titled ?? "") + html });
    }
    // An inset has no title of its own: the kind for screen readers, then the author's title.
    const titled =
      escaped &&
      `<h3 class="govuk-heading-m"><span class="govuk-visually-hidden">${title}: </span>${escaped}</h3>`;
    return render("insetText", { html: (titled ?? "") + html });
  };
}

type TokenCtor = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

function collapse(tokens: Token[], TokenClass: TokenCtor): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    const kind =
      open.type === "container_details_open"
        ? "details"
        : open.type === "blockquote_open"
          ? "quote"
          : undefined;
    if (!kind) {
      out.push(open);
      continue;
    }
    const close = matchingClose(tokens, i);
    const inner = tokens.slice(i + 1, close);
    const meta = kind === "details" ? detailsMeta(open) : alertMeta(inner);
    if (!meta) {
      out.push(open);
      continue;
    }
    const token = new TokenClass("govuk_component", "", 0);
    token.block = true;
    token.map = open.map;
    token.meta = { ...meta, inner: collapse(inner, TokenClass) };
    out.push(token);
    i = close;
  }
  return out;
}

function matchingClose(tokens: Token[], openIndex: number): number {
  const open = tokens[openIndex]!;
  const closeType = open.type.replace(/_open$/, "_close");
  for (let j = openIndex + 1; j < tokens.length; j++) {
    if (tokens[j]!.type === closeType && tokens[j]!.level === open.level) return j;
  }
  return tokens.length - 1;
}

function detailsMeta(open: Token): Omit<ComponentMeta, "inner"> {
  const summary = open.info.trim().replace(/^details\s*/, "") || "Details";
  return { component: "details", title: summary };
}

/** A quote whose first line is `[!NOTE]` (etc.) is an alert; the marker line is removed. */
function alertMeta(inner: Token[]): Omit<ComponentMeta, "inner"> | undefined {
  const first = inner.find((t) => t.type === "inline");
  const children = first?.children;
  const lead = children?.[0];
  if (!first || !children || lead?.type !== "text") return undefined;
  const match = ALERT_MARKER.exec(lead.content);
  if (!match) return undefined;
  const alert = ALERTS[match[1]!.toLowerCase()]!;
  // Drop the marker (and the line break after it: a <br> where line breaks are kept).
  children.splice(0, /^(soft|hard)break$/.test(children[1]?.type ?? "") ? 2 : 1);
  first.content = first.content.replace(/^[^\n]*\n?/, "");
  if (children.length === 0) {
    // The marker stood alone in its paragraph: drop the now-empty paragraph.
    const at = inner.indexOf(first);
    inner.splice(at - 1, 3);
  }
  return match[2] ? { ...alert, heading: match[2] } : alert;
}
