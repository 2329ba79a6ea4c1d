import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/helpers/temp-root.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Build tests run Eleventy in-process; two cores, so keep parallelism modest.
    maxWorkers: 2,
  },
});
