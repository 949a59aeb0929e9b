// Chromium for the bench and the e2e tests: Debian's chromium where installed, else Playwright's own.
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // Every new headless window preloads Chromium's own address-bar dropdown (a WebUI page) in a
  // renderer of its own; measured, that took ~700 ms of CPU during the first second of each page
  // and so landed in our start-up figures. A student's browser has that window open already.
  "--disable-features=WebUIOmniboxPopup",
];

/** Debian's chromium where installed (CHROMIUM_PATH overrides); undefined means Playwright's own. */
export function chromiumPath(): string | undefined {
  return (
    process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p))
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ headless: true, executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * A browser context for measurements. tsx compiles functions passed to page.evaluate with
 * esbuild's keepNames, which wraps named inner functions in a `__name` helper the page lacks.
 */
export async function benchContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  return context;
}
