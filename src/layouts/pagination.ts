// A page's previous and next links: GOV.UK's pagination macro, whose output differs from page to
// page only in the two links' addresses and labels. The macro renders each shape once (previous
// only, next only, both), with stand-in addresses and labels, and each page's own are then put
// in their places. Anything the shortcut cannot place is rendered in full.
import type { RenderComponent } from "../markdown/components.js";

export interface PaginationLink {
  href: string;
  labelText: string;
}

export interface PaginationParams {
  /** Empty when there is none (a Nunjucks `x if y` without an else gives ""). */
  previous?: PaginationLink | "";
  next?: PaginationLink | "";
  landmarkLabel?: string;
}

/** Stand-ins no page's address or title holds, each written as it is by the macro. */
const STAND_IN = {
  previous: { href: "/app-pagination-previous-href/", labelText: "AppPaginationPreviousLabel" },
  next: { href: "/app-pagination-next-href/", labelText: "AppPaginationNextLabel" },
} as const;

/** Text the macro would escape (Nunjucks also escapes the backslash). */
const ESCAPED = /[&<>"'\\]/;

export function paginationRenderer(render: RenderComponent): {
  render(params: PaginationParams): string;
  clear(): void;
} {
  // By shape: which links there are and the landmark's label. Null: the stand-ins could not be
  // found once each in the macro's output, so pages of that shape are rendered in full.
  const shapes = new Map<string, string | null>();

  const shapeOf = (params: PaginationParams, key: string): string | null => {
    if (!shapes.has(key)) {
      const html = render("pagination", {
        ...params,
        previous: params.previous ? STAND_IN.previous : undefined,
        next: params.next ? STAND_IN.next : undefined,
      });
      const placed = standIns(params).every((text) => once(html, text));
      shapes.set(key, placed ? html : null);
    }
    return shapes.get(key)!;
  };

  return {
    clear: () => shapes.clear(),
    render(params) {
      const full = () => render("pagination", { ...params });
      if (!placeable(params)) return full();
      const shape = shapeOf(
        params,
        `${Boolean(params.previous)} ${Boolean(params.next)} ${params.landmarkLabel ?? ""}`,
      );
      if (shape === null) return full();
      let html = shape;
      for (const side of ["previous", "next"] as const) {
        const link = params[side];
        if (!link) continue;
        html = html
          .replace(STAND_IN[side].href, () => link.href)
          .replace(STAND_IN[side].labelText, () => link.labelText);
      }
      return html;
    },
  };
}

/** Only links of an address and a label, both plain text the macro writes as it is. */
function placeable(params: PaginationParams): boolean {
  const names = Object.keys(params);
  if (names.some((name) => !["previous", "next", "landmarkLabel"].includes(name))) return false;
  if (!params.previous && !params.next) return false;
  return [params.previous, params.next].every(
    (link) =>
      !link ||
      (typeof link === "object" &&
        Object.keys(link).every((name) => name === "href" || name === "labelText") &&
        typeof link.href === "string" &&
        typeof link.labelText === "string" &&
        link.href !== "" &&
        link.labelText !== "" &&
        !ESCAPED.test(link.href) &&
        !ESCAPED.test(link.labelText)),
  );
}

function standIns(params: PaginationParams): string[] {
  return (["previous", "next"] as const).flatMap((side) =>
    params[side] ? [STAND_IN[side].href, STAND_IN[side].labelText] : [],
  );
}

function once(html: string, text: string): boolean {
  const at = html.indexOf(text);
  return at !== -1 && html.indexOf(text, at + 1) === -1;
}
