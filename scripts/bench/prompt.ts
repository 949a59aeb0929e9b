// The moment the benches measure to: the machine is up and its shell prompt is on screen.
import type { Page } from "playwright-core";

const PROMPT = "root@containerlab";

/** Resolves with the moment (epoch ms, the page's clock) the prompt was first seen drawn. */
export async function waitForPrompt(page: Page): Promise<number> {
  const seen = await page.waitForFunction(
    (prompt) =>
      !document.querySelector("[data-testid=boot-overlay]") &&
      (document.querySelector(".xterm-rows")?.textContent ?? "").includes(prompt) &&
      performance.timeOrigin + performance.now(),
    PROMPT,
    { polling: "raf", timeout: 60_000 },
  );
  return (await seen.jsonValue()) as number;
}
