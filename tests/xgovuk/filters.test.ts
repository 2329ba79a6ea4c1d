// x-govuk's navigation filters, called as a layout calls them (the site-wide ones are built and
// checked in templates.test.ts).
import { describe, expect, it } from "vitest";
import type { UserConfig } from "@11ty/eleventy";
import { registerXGovukFilters } from "../../src/xgovuk/filters.js";
import type { BuildContext } from "../../src/context.js";

function filters(): Record<string, (...args: unknown[]) => unknown> {
  const found: Record<string, (...args: unknown[]) => unknown> = {};
  const config = {
    addFilter: (name: string, fn: (...args: unknown[]) => unknown) => (found[name] = fn),
  };
  registerXGovukFilters(config as unknown as UserConfig, {} as BuildContext);
  return found;
}

describe("x-govuk's previous and next navigation items", () => {
  const tree = [{ url: "/a/", children: [{ url: "/a/one/" }, { url: "/a/two/" }] }, { url: "/b/" }];

  it("follow the navigation tree in reading order, children after their parent", () => {
    const { getNextNavigationItem: next, getPreviousNavigationItem: previous } = filters();
    expect(next!(tree, "/a/")).toEqual({ url: "/a/one/" });
    expect(next!(tree, "/a/two/")).toEqual({ url: "/b/" });
    expect(previous!(tree, "/b/")).toEqual({ url: "/a/two/" });
    expect(previous!(tree, "/a/one/")).toMatchObject({ url: "/a/" });
  });

  it("are null at either end, and for a page not in the tree", () => {
    const { getNextNavigationItem: next, getPreviousNavigationItem: previous } = filters();
    expect(next!(tree, "/b/")).toBeNull();
    expect(previous!(tree, "/a/")).toBeNull();
    expect(next!(tree, "/elsewhere/")).toBeNull();
    expect(previous!(tree, "/elsewhere/")).toBeNull();
  });
});
