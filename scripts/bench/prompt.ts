// The moment the benches measure to: the machine is up and its shell prompt is on screen.
import type { Page } from "playwright-core";

const PROMPT = "root@containerlab";

export async function waitForPrompt(page: Page): Promise<void> {
  await page.waitForFunction(
    (prompt) =>
      !document.querySelector("[data-testid=boot-overlay]") &&
      (document.querySelector(".xterm-rows")?.textContent ?? "").includes(prompt),
    PROMPT,
    { polling: "raf", timeout: 60_000 },
  );
}
