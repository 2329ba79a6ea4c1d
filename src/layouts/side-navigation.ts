// A section's side navigation is the same on each of its pages but for which item is current.
// MoJ's macro renders it once per section (all items plain); on each page the current item is
// then marked exactly as the macro marks one, learnt from the macro itself by rendering a
// one-item navigation both ways. Anything the shortcut cannot place is rendered in full.
import type { RenderComponent } from "../markdown/components.js";
import { RenderCache } from "./render-cache.js";
import {
  plainSideNavigation,
  type SideNavigation,
  type SideNavItem,
} from "../navigation/page-nav.js";

const SENTINEL = "/app-side-navigation-sentinel/";

interface Mark {
  plain: string;
  current: string;
}

export function sideNavigationRenderer(render: RenderComponent): {
  render(params: SideNavigation): string;
  clear(): void;
} {
  // Keyed by the section's shared plain parameters, or by their text for parameters a template
  // built itself.
  const sections = new RenderCache();
  const marks = new Map<"items" | "sections", Mark | null>();
  const full = (params: SideNavigation) => render("sideNavigation", { ...params });

  const markFor = (mode: "items" | "sections"): Mark | null => {
    if (!marks.has(mode)) marks.set(mode, learnMark(render, mode));
    return marks.get(mode)!;
  };

  const plainHtml = (params: SideNavigation): string => {
    const plain = plainSideNavigation(params);
    if (plain) return sections.get(plain, () => full(plain));
    const built = withoutCurrent(params);
    return sections.get(JSON.stringify(built), () => full(built));
  };

  return {
    clear: () => sections.clear(),
    render(params) {
      const items = params.sections
        ? params.sections.flatMap((s) => s.items)
        : (params.items ?? []);
      const current = items.filter((item) => item.active);
      const mark = markFor(params.sections ? "sections" : "items");
      const href = current[0]?.href ?? "";
      if (current.length > 1 || !mark || /[&<>"'\\]/.test(href)) return full(params);
      const html = plainHtml(params);
      if (current.length === 0) return html;
      const from = mark.plain.replace(SENTINEL, () => href);
      const at = html.indexOf(from);
      if (at === -1 || html.indexOf(from, at + 1) !== -1) return full(params);
      const marked = mark.current.replace(SENTINEL, () => href);
      return html.slice(0, at) + marked + html.slice(at + from.length);
    },
  };
}

function withoutCurrent(params: SideNavigation): SideNavigation {
  const plain = (items: SideNavItem[]) => items.map((item) => ({ ...item, active: false }));
  return params.sections
    ? { ...params, sections: params.sections.map((s) => ({ ...s, items: plain(s.items) })) }
    : { ...params, items: plain(params.items ?? []) };
}

/** What the macro writes differently for a current item: the text around its link, both ways. */
function learnMark(render: RenderComponent, mode: "items" | "sections"): Mark | null {
  const nav = (active: boolean) => {
    const items = [{ href: SENTINEL, text: "Sentinel", active }];
    return render(
      "sideNavigation",
      mode === "items"
        ? { label: "Sentinel", items }
        : {
            label: "Sentinel",
            sections: [{ heading: { text: "Sentinel", headingLevel: 2 }, items }],
          },
    );
  };
  const plain = nav(false);
  const current = nav(true);
  let start = 0;
  while (start < plain.length && plain[start] === current[start]) start++;
  let end = 0;
  while (
    end < plain.length - start &&
    plain[plain.length - 1 - end] === current[current.length - 1 - end]
  )
    end++;
  // Widen to the link's whole start tag, so the sentinel address is inside both.
  const from = plain.lastIndexOf("<li", start);
  const to = plain.indexOf(">", plain.indexOf(SENTINEL, from)) + 1;
  if (from === -1 || to === 0 || to < plain.length - end) return null;
  const tail = plain.length - to;
  return { plain: plain.slice(from, to), current: current.slice(from, current.length - tail) };
}
