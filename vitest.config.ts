import { defineConfig } from "vitest/config";

// Unit tests: fast, no guest. They sit next to the code they test (*.spec.ts).
export default defineConfig({
  test: {
    include: ["web/src/**/*.spec.{ts,tsx}", "web/vite/**/*.spec.ts", "scripts/**/*.spec.ts"],
    environment: "node",
    setupFiles: ["vitest.setup.ts"],
    testTimeout: 20_000,
  },
});
