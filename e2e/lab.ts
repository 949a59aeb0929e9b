// Helpers for driving the lab like a student: wait for the machine, type, read the terminal.
import { expect, type Download, type Page } from "@playwright/test";

export async function openLab(page: Page, path = "./"): Promise<void> {
  await page.goto(path);
  await waitForMachine(page);
  if (/#\/chapter\/[^/]+\/step\//.test(path)) await waitForChapterSetup(page);
}

/** A chapter's set-up runs when it opens; typing before it ends would race with it, as for a student. */
export async function waitForChapterSetup(page: Page): Promise<void> {
  const chapter = page.locator("[data-chapter-setup]");
  await expect(chapter).toHaveCount(1, { timeout: 30_000 });
  await expect(chapter).not.toHaveAttribute("data-chapter-setup", "running", { timeout: 60_000 });
}

export async function waitForMachine(page: Page): Promise<void> {
  await expect(page.getByTestId("boot-overlay")).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(() => terminalText(page), { timeout: 20_000 }).toMatch(/root@containerlab/);
}

export async function terminalText(page: Page): Promise<string> {
  return (await page.locator(".xterm-rows").innerText()).replace(/\u00a0/g, " ");
}

/** Types a command into the terminal and waits until the shell reports it finished. */
export async function runInTerminal(page: Page, command: string, timeoutMs = 30_000): Promise<number> {
  const status = page.getByTestId("command-status");
  const before = Number(await status.getAttribute("data-seq"));
  await page.getByTestId("terminal").click();
  await page.keyboard.type(command);
  await page.keyboard.press("Enter");
  await expect(status).toHaveAttribute("data-seq", String(before + 1), { timeout: timeoutMs });
  return Number(await status.getAttribute("data-exit-code"));
}

export async function expectTerminal(page: Page, pattern: RegExp): Promise<void> {
  await expect.poll(() => terminalText(page), { timeout: 20_000 }).toMatch(pattern);
}

/** "Download my session" from the session menu (opened here): the download and its file. */
export async function downloadSession(page: Page): Promise<{ download: Download; file: string }> {
  await page.getByTestId("session-menu").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download-session").click(),
  ]);
  return { download, file: await download.path() };
}

/** A step's link in the chapter's step list (its name says "(done)" once the step is done). */
export function stepLink(page: Page, title: RegExp) {
  return page.getByRole("navigation", { name: "Steps" }).first().getByRole("link", { name: title });
}
