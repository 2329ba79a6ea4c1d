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

/**
 * Stand-ins the macro writes as they are. A page's own text may hold them too: the output is cut
 * at their places before any page's text goes in. Output where one is not found exactly once
 * (a template that changes or repeats it) is not cut, and its pages are rendered in full.
 */
const STAND_IN = {
  previous: { href: "/app-pagination-previous-href/", labelText: "AppPaginationPreviousLabel" },
  next: { href: "/app-pagination-next-href/", labelText: "AppPaginationNextLabel" },
} as const;

/** Text the macro would escape (Nunjucks also escapes the backslash). */
const ESCAPED = /[&<>"'\\]/;

/** Where a page's own text goes: one link's address or label. */
interface Slot {
  side: "previous" | "next";
  field: "href" | "labelText";
}

/** The macro's output for one shape, cut at its slots: texts[0], slot 0, texts[1], … */
interface Shape {
  texts: string[];
  slots: Slot[];
}

export function paginationRenderer(render: RenderComponent): {
  render(params: PaginationParams): string;
  clear(): void;
} {
  // By shape: which links there are and the landmark's label. Null: the stand-ins could not be
  // found once each in the macro's output, so pages of that shape are rendered in full.
  const shapes = new Map<string, Shape | null>();

  const shapeOf = (params: PaginationParams): Shape | null => {
    const key = `${Boolean(params.previous)} ${Boolean(params.next)} ${params.landmarkLabel ?? ""}`;
    if (!shapes.has(key)) {
      const html = render("pagination", {
        ...params,
        previous: params.previous ? STAND_IN.previous : undefined,
        next: params.next ? STAND_IN.next : undefined,
      });
      shapes.set(key, cut(html, slotsOf(params)));
    }
    return shapes.get(key)!;
  };

  return {
    clear: () => shapes.clear(),
    render(params) {
      const shape = placeable(params) ? shapeOf(params) : null;
      if (!shape) return render("pagination", { ...params });
      let html = shape.texts[0]!;
      shape.slots.forEach(({ side, field }, i) => {
        html += (params[side] as PaginationLink)[field] + shape.texts[i + 1]!;
      });
      return html;
    },
  };
}

function slotsOf(params: PaginationParams): Slot[] {
  return (["previous", "next"] as const).flatMap((side) =>
    params[side] ? (["href", "labelText"] as const).map((field) => ({ side, field })) : [],
  );
}

/** `html` cut at each slot's stand-in, in the order they come; null unless each is there once. */
function cut(html: string, slots: Slot[]): Shape | null {
  const found = slots.map((slot) => {
    const standIn = STAND_IN[slot.side][slot.field];
    const at = html.indexOf(standIn);
    return { slot, at, end: at + standIn.length, once: html.indexOf(standIn, at + 1) === -1 };
  });
  if (found.some(({ at, once }) => at === -1 || !once)) return null;
  found.sort((a, b) => a.at - b.at);
  const texts: string[] = [];
  let from = 0;
  for (const { at, end } of found) {
    texts.push(html.slice(from, at));
    from = end;
  }
  texts.push(html.slice(from));
  return { texts, slots: found.map(({ slot }) => slot) };
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
