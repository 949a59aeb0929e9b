// Nothing is lost: the machine survives a reload, travels in a session file, and the lab
// works offline after the first visit.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { WEB_DIST } from "../scripts/lib/ensureBuild.ts";
import { serveStatic } from "../scripts/lib/staticServer.ts";
import { MACHINE_FINGERPRINT } from "../web/src/vm/guestConfig.ts";
import { downloadSession, expectTerminal, openLab, runInTerminal, waitForMachine } from "./lab.ts";

const UTS_STEP = "./#/chapter/example/step/enter-uts-namespace";

/** Completes the example chapter's "new UTS namespace" step by typing, as a student would. */
async function completeUtsStep(page: Page): Promise<void> {
  await page.getByTestId("terminal").click();
  await page.keyboard.type("unshare --uts bash\n");
  await expect(
    page.getByRole("link", { name: /Start a shell in a new UTS namespace \(done\)/ }),
  ).toBeVisible();
}

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

test("completing a step saves the machine by itself", async ({ page }) => {
  await openLab(page, UTS_STEP);
  await completeUtsStep(page);
  await page.getByTestId("session-menu").click();
  await expect(page.getByTestId("save-status")).toHaveText(/saved at/i, { timeout: 30_000 });
  await page.reload();
  await waitForMachine(page);
  await expect(page.getByTestId("machine-status")).toHaveAttribute("data-mode", "resumed");
});

test("a damaged saved machine falls back to a fresh one and says so", async ({ page }) => {
  await openLab(page);
  const imageId = await page.evaluate(
    async () => ((await (await fetch("image/manifest.json")).json()) as { image_id: string }).image_id,
  );
  await page.evaluate(
    ([image_id, machine]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("container-lab", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("machine");
        open.onsuccess = () => {
          const tx = open.result.transaction("machine", "readwrite");
          const state = new Blob([new Uint8Array(4096).fill(7)]);
          tx.objectStore("machine").put({ image_id, machine, savedAt: Date.now(), state }, "current");
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [imageId, MACHINE_FINGERPRINT] as const,
  );
  await page.reload();
  await waitForMachine(page);
  await expect(page.getByTestId("resume-notice")).toContainText(/could not be restored/);
  await expect(page.getByTestId("machine-status")).toHaveAttribute("data-mode", "snapshot");
  expect(await runInTerminal(page, "true")).toBe(0);
});

test("the built lab works from a sub-folder of a server", async ({ browser }) => {
  const server = await serveStatic(WEB_DIST, 0, { basePath: "/workshop/lab/" });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openLab(page, server.url);
    expect(await runInTerminal(page, "echo from-a-subfolder")).toBe(0);
    await expectTerminal(page, /from-a-subfolder/);
  } finally {
    await context.close();
    await server.close();
  }
});

test("a session downloaded in one browser loads in another, progress included", async ({ page, browser }) => {
  await openLab(page, UTS_STEP);
  await completeUtsStep(page);
  expect(await runInTerminal(page, "echo travels-with-me > /root/portable.txt")).toBe(0);
  const { download, file } = await downloadSession(page);
  expect(download.suggestedFilename()).toMatch(/\.clab$/);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await openLab(fresh);
  expect(await runInTerminal(fresh, "test -e /root/portable.txt")).toBe(1);
  await fresh.getByTestId("session-menu").click();
  await fresh.getByTestId("load-session").setInputFiles(file);
  await fresh.getByTestId("confirm-load").click();
  await expect(fresh.getByText(/Session loaded|セッションを読み込みました/)).toBeVisible({ timeout: 30_000 });
  expect(await runInTerminal(fresh, "cat /root/portable.txt")).toBe(0);
  await expectTerminal(fresh, /travels-with-me/);
  await fresh.goto(UTS_STEP);
  await expect(
    fresh.getByRole("link", { name: /Start a shell in a new UTS namespace \(done\)/ }),
  ).toBeVisible();
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
  // The page says when everything, the lazy tools included, is saved for offline use.
  await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready", {
    timeout: 120_000,
  });
  await expect(page.getByTestId("offline-status")).toHaveText("Works offline");
  await context.setOffline(true);
  await page.reload();
  await waitForMachine(page);
  expect(await runInTerminal(page, "echo offline-$((6*7))")).toBe(0);
  await expectTerminal(page, /offline-42/);
});

test("a new build takes over only when the student says so, and nothing mixes", async ({ page }) => {
  await openLab(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const oldCaches = await page.evaluate(() => caches.keys());
  // Deploy "another build": the same files with a service worker of another version.
  const swPath = join(WEB_DIST, "sw.js");
  const original = readFileSync(swPath, "utf8");
  writeFileSync(swPath, original.replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "e2e-next-build"'));
  try {
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const banner = page.getByTestId("update-banner");
    await expect(banner).toBeVisible({ timeout: 30_000 });
    // Until the student switches, the page keeps running on the old build's cache.
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(oldCaches));
    expect(await runInTerminal(page, "true")).toBe(0);
    await Promise.all([page.waitForEvent("load"), banner.getByRole("button").click()]);
    await waitForMachine(page);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(["container-lab-e2e-next-build"]);
  } finally {
    writeFileSync(swPath, original);
  }
});
