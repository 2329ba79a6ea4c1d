// A section's side navigation, rendered once and marked per page, is exactly what MoJ's macro
// renders for each page, in both of its shapes (flat items, headed sections).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { componentRenderer, createNunjucks } from "../../src/layouts/nunjucks.js";
import { sideNavigationRenderer } from "../../src/layouts/side-navigation.js";
import type { SideNavigation } from "../../src/navigation/page-nav.js";
import type { RenderComponent } from "../../src/markdown/components.js";
import { projectRoot } from "../helpers/build.js";

const macro = componentRenderer(
  createNunjucks(path.join(projectRoot, "content/_includes"), path.join(projectRoot, "templates")),
);

const items = (names: string[], current: string) =>
  names.map((name) => ({
    href: `/guide/${name}/`,
    text: `Page ${name}`,
    active: name === current,
  }));

const shapes: Record<string, (current: string) => SideNavigation> = {
  items: (current) => ({ label: "Guide", items: items(["a", "b", "c", "d"], current) }),
  sections: (current) => ({
    label: "Guide",
    sections: [
      { heading: { text: "Guide", headingLevel: 2 }, items: items(["a", "b"], current) },
      { heading: { text: "More", headingLevel: 2 }, items: items(["c", "d"], current) },
    ],
  }),
};

describe("the side navigation of a section", () => {
  it.each(Object.keys(shapes))(
    "(%s) is the macro's own output on every page, rendered in full once",
    (shape) => {
      let calls = 0;
      const counted: RenderComponent = (name, params) => {
        calls++;
        return macro(name, params);
      };
      const nav = sideNavigationRenderer(counted);
      for (const current of ["a", "b", "c", "d", "none"]) {
        const params = shapes[shape]!(current);
        expect(nav.render(params), current).toBe(macro("sideNavigation", { ...params }));
      }
      // The section once, and the two one-item navigations it learns the marking from.
      expect(calls).toBe(3);
    },
  );

  it("renders in full what it cannot mark safely", () => {
    const nav = sideNavigationRenderer(macro);
    const params: SideNavigation = {
      label: "Guide",
      items: [
        { href: "/a/?x=1&y=2", text: "A", active: true },
        { href: "/b/", text: "B", active: false },
      ],
    };
    expect(nav.render(params)).toBe(macro("sideNavigation", { ...params }));
  });
});
