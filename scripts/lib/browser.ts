// Headless Chromium for the bench: Debian's chromium where installed, else Playwright's own.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchChromium(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ??
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  return chromium.launch({ headless: true, executablePath, args: CHROMIUM_ARGS });
}
