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

/** Types a command at the prompt and waits for the shell to report it finished (with `exit`). */
export async function typed(page: Page, command: string, exit = 0): Promise<number> {
  const status = page.getByTestId("command-status");
  const before = Number(await status.getAttribute("data-seq"));
  await page.getByTestId("terminal").click();
  await page.keyboard.type(command);
  const started = Date.now();
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    (seq) => Number(document.querySelector("[data-testid=command-status]")?.getAttribute("data-seq")) > seq,
    before,
    { timeout: 300_000, polling: 100 },
  );
  const exitCode = await status.getAttribute("data-exit-code");
  if (exitCode !== String(exit)) throw new Error(`${command}: exit status ${exitCode}, not ${exit}`);
  return Date.now() - started;
}
