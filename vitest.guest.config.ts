import { defineConfig } from "vitest/config";

// Guest tests: the committed image booted in v86 under Node. One file at a time: each keeps
// an emulated CPU busy, and this machine has two cores.
export default defineConfig({
  test: {
    include: ["vm-image/test/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
