import { describe, expect, it } from "vitest";
import { RenderCache } from "../../src/layouts/render-cache.js";

describe("the build's render cache", () => {
  it("renders once per text key and once per shared object, until cleared", () => {
    const cache = new RenderCache();
    let renders = 0;
    const render = () => `html ${++renders}`;
    const trail = [{ text: "Home", href: "/" }];
    expect(cache.get("footer", render)).toBe("html 1");
    expect(cache.get("footer", render)).toBe("html 1");
    expect(cache.get(trail, render)).toBe("html 2");
    expect(cache.get(trail, render)).toBe("html 2");
    // An equal list that is not the same object is a different key.
    expect(cache.get([{ text: "Home", href: "/" }], render)).toBe("html 3");
    cache.clear();
    expect(cache.get("footer", render)).toBe("html 4");
    expect(cache.get(trail, render)).toBe("html 5");
  });
});
