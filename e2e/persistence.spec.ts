// Nothing is lost: the machine survives a reload, travels in a session file, and the lab
// works offline after the first visit.
import { expect, test, type Page } from "@playwright/test";
import { expectTerminal, openLab, runInTerminal, waitForMachine } from "./lab.ts";

async function saveNow(page: Page): Promise<void> {
  await page.getByTestId("session-menu").click();
  await page.getByTestId("save-now").click();
  await expect(page.getByTestId("save-status")).toHaveText(/saved at|保存しました/i, { timeout: 30_000 });
  await page.getByTestId("session-menu").click();
}

test("a file created in the guest is still there after a reload", async ({ page }) => {
  await openLab(page);
  expect(await runInTerminal(page, "echo kept-across-reload > /root/notes.txt")).toBe(0);
  await saveNow(page);
  await page.reload();
  await waitForMachine(page);
  await expect(page.getByTestId("resume-notice")).toBeVisible();
  await expect(page.getByTestId("machine-status")).toHaveAttribute("data-mode", "resumed");
  expect(await runInTerminal(page, "cat /root/notes.txt")).toBe(0);
  await expectTerminal(page, /kept-across-reload/);
});

test("Reset machine forgets the saved machine", async ({ page }) => {
  await openLab(page);
  expect(await runInTerminal(page, "touch /root/old-work")).toBe(0);
  await saveNow(page);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("reset-machine").click();
  await waitForMachine(page);
  await page.reload();
  await waitForMachine(page);
  await expect(page.getByTestId("machine-status")).toHaveAttribute("data-mode", "snapshot");
  expect(await runInTerminal(page, "test -e /root/old-work")).toBe(1);
});

test("a session downloaded in one browser loads in another", async ({ page, browser }) => {
  await openLab(page);
  expect(await runInTerminal(page, "echo travels-with-me > /root/portable.txt")).toBe(0);
  await page.getByTestId("session-menu").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download-session").click(),
  ]);
  const file = await download.path();
  expect(download.suggestedFilename()).toMatch(/\.clab$/);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await openLab(fresh);
  expect(await runInTerminal(fresh, "test -e /root/portable.txt")).toBe(1);
  await fresh.getByTestId("session-menu").click();
  await fresh.getByTestId("load-session").setInputFiles(file);
  await expect(fresh.getByText(/Session loaded|セッションを読み込みました/)).toBeVisible({ timeout: 30_000 });
  expect(await runInTerminal(fresh, "cat /root/portable.txt")).toBe(0);
  await expectTerminal(fresh, /travels-with-me/);
  await other.close();
});

test("a file that is not a session is refused with a clear message", async ({ page }) => {
  await openLab(page);
  await page.getByTestId("session-menu").click();
  await page
    .getByTestId("load-session")
    .setInputFiles({ name: "notes.clab", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.getByRole("alert")).toContainText(/not a Container Lab session file/);
  expect(await runInTerminal(page, "true")).toBe(0);
});

test("after a first visit the lab reloads and runs with the network off", async ({ page, context }) => {
  await openLab(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await waitForMachine(page);
  expect(await runInTerminal(page, "echo offline-$((6*7))")).toBe(0);
  await expectTerminal(page, /offline-42/);
});
