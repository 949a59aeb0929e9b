import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/browser.ts";

const port = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // Debian's chromium where it is installed (CI and this machine), else Playwright's own browser.
    // V8 compiles the emulator's generated WebAssembly with its baseline compiler only, as the
    // Node guests do (scripts/lib/nodeGuest.ts says why): same behaviour, a third of the CPU.
    // The bench keeps Chromium's defaults, as students have them.
    launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, "--js-flags=--liftoff-only"] },
    trace: "retain-on-failure",
  },
  webServer: {
    command: `npx tsx scripts/serve.ts`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
  },
});
