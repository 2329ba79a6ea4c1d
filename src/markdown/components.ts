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
const ALERT_MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*$/i;

interface ComponentMeta {
  component: ComponentName;
  title: string;
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
    const { component, title, inner } = tokens[idx]!.meta as unknown as ComponentMeta;
    if (component === "warningText") {
      // Warning text sits inside <strong>: give it the paragraphs' inline HTML only.
      const html = inner
        .filter((t) => t.type === "inline")
        .map((t) => self.renderInline(t.children ?? [], options, env))
        .join("<br>");
      return render("warningText", { html, iconFallbackText: title });
    }
    const html = self.render(inner, options, env);
    if (component === "details") return render("details", { summaryText: title, html });
    if (component === "notificationBanner")
      return render("notificationBanner", { titleText: title, html });
    return render("insetText", { html });
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
  // Drop the marker (and the line break after it).
  children.splice(0, children[1]?.type === "softbreak" ? 2 : 1);
  first.content = first.content.replace(/^[^\n]*\n?/, "");
  if (children.length === 0) {
    // The marker stood alone in its paragraph: drop the now-empty paragraph.
    const at = inner.indexOf(first);
    inner.splice(at - 1, 3);
  }
  return alert;
}
