// The preview writes one search index at a time, however fast edits are saved.
import { describe, expect, it } from "vitest";
import { coalesced } from "../../src/search/register.js";

describe("coalesced", () => {
  it("never runs twice at once, and runs once more for the calls made while it ran", async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => {};
    const run = coalesced(async () => {
      runs++;
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => (release = resolve));
      running--;
    });
    const first = run();
    const during = [run(), run(), run()];
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(2);
    release();
    await Promise.all([first, ...during]);
    expect({ runs, most }).toEqual({ runs: 2, most: 1 });
    // Once idle, a call runs at once.
    const later = run();
    expect(runs).toBe(3);
    release();
    await later;
  });
});
