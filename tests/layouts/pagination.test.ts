// A page's previous and next links, rendered once for each shape and filled in per page, are
// exactly what GOV.UK's pagination macro renders for that page.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { componentRenderer, createNunjucks } from "../../src/layouts/nunjucks.js";
import { paginationRenderer, type PaginationParams } from "../../src/layouts/pagination.js";
import type { RenderComponent } from "../../src/markdown/components.js";
import { projectRoot } from "../helpers/build.js";

const macro = componentRenderer(
  createNunjucks(path.join(projectRoot, "content/_includes"), path.join(projectRoot, "templates")),
);

function counted(): { render: RenderComponent; calls: () => number } {
  let calls = 0;
  return {
    render: (name, params) => {
      calls++;
      return macro(name, params);
    },
    calls: () => calls,
  };
}

const link = (n: number) => ({ href: `/guide/page-${n}/`, labelText: `Page ${n}` });
const LABEL = "Previous and next page";

describe("the previous and next links", () => {
  it("are the macro's own output on every page, each shape rendered once", () => {
    const macroCalls = counted();
    const pagination = paginationRenderer(macroCalls.render);
    const pages: PaginationParams[] = [
      { previous: "", next: link(2), landmarkLabel: LABEL },
      ...Array.from({ length: 8 }, (_, i) => ({
        previous: link(i + 1),
        next: link(i + 3),
        landmarkLabel: LABEL,
      })),
      { previous: link(9), next: "", landmarkLabel: LABEL },
    ];
    for (const params of pages)
      expect(pagination.render(params)).toBe(macro("pagination", { ...params }));
    expect(macroCalls.calls()).toBe(3);
  });

  it.each<[string, PaginationParams]>([
    [
      "a label the macro escapes",
      { previous: link(1), next: { href: "/b/", labelText: "Tom & Jerry's" } },
    ],
    ["an address the macro escapes", { next: { href: '/a/?x="1"&y=2', labelText: "A" } }],
    ["a backslash", { next: { href: "/a/", labelText: "C:\\data" } }],
    [
      "a link with more than an address and a label",
      { next: { ...link(2), text: "Onwards" } as never },
    ],
    ["an empty label", { next: { href: "/a/", labelText: "" } }],
    ["more settings", { next: link(2), classes: "app-pagination" } as never],
  ])("with %s, are rendered in full, as the macro renders them", (_, params) => {
    const macroCalls = counted();
    const pagination = paginationRenderer(macroCalls.render);
    expect(pagination.render(params)).toBe(macro("pagination", { ...params }));
    expect(macroCalls.calls()).toBe(1);
  });

  it("put each page's text in its own place, whatever that text says", () => {
    const pagination = paginationRenderer(macro);
    // Text that reads like where the other link's text goes.
    const params = {
      previous: { href: "/a/", labelText: "AppPaginationNextLabel /app-pagination-next-href/" },
      next: { href: "/b/", labelText: "B" },
    };
    expect(pagination.render(params)).toBe(macro("pagination", { ...params }));
  });

  it("keep each landmark label's shape apart", () => {
    const pagination = paginationRenderer(macro);
    const one = { previous: link(1), next: link(3), landmarkLabel: "One" };
    const two = { previous: link(1), next: link(3), landmarkLabel: "Two" };
    expect(pagination.render(one)).toBe(macro("pagination", { ...one }));
    expect(pagination.render(two)).toBe(macro("pagination", { ...two }));
  });
});
