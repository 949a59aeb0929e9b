import { defineConfig } from "vitest/config";
import { coursePlugin } from "./web/vite/coursePlugin.ts";

// Unit tests: fast, no guest. They sit next to the code they test (*.spec.ts).
export default defineConfig({
  // The lesson loader imports the course as a module the plugin makes (the lab's own lessons/).
  plugins: [coursePlugin(undefined)],
  test: {
    include: ["web/src/**/*.spec.{ts,tsx}", "web/vite/**/*.spec.ts", "scripts/**/*.spec.ts"],
    environment: "node",
    setupFiles: ["vitest.setup.ts"],
    testTimeout: 20_000,
  },
});
