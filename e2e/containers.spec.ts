// The real container stack in the browser: docker (Podman's shim) typed in the terminal, the
// panels naming the container, and the lazily loaded engine working offline after a first visit.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectTerminal, openLab, runInTerminal, terminalText, waitForMachine } from "./lab.ts";
import { REPO_ROOT } from "../scripts/lib/paths.ts";

// The first podman command after a restore fetches and warms up a 31 MB Go binary.
const PODMAN_MS = 120_000;
test.setTimeout(300_000);

test("docker run --rm busybox echo hi prints hi", async ({ page }) => {
  await openLab(page);
  expect(await runInTerminal(page, "docker run --rm busybox echo hi", PODMAN_MS)).toBe(0);
  await expectTerminal(page, /^hi\s*$/m);
});

test("podman load draws its progress in place instead of flooding the terminal", async ({ page }) => {
  await openLab(page);
  expect(
    await runInTerminal(page, "clear; podman load -i /usr/share/lab/images/busybox.oci.tar", PODMAN_MS),
  ).toBe(0);
  await expectTerminal(page, /Loaded image/);
  // A few lines (signatures, one blob, the config, the manifest, the result), not one per redraw.
  const lines = (await terminalText(page)).split("\n").filter((line) => line.trim() !== "");
  expect(lines.length).toBeLessThan(15);
});

test("the panels name the container while docker run -d runs", async ({ page }) => {
  await openLab(page);
  expect(await runInTerminal(page, "docker run -d --name web busybox sleep 1000", PODMAN_MS)).toBe(0);
  await page.getByRole("tab", { name: "Processes" }).click();
  await expect(page.getByTestId("container-badge").filter({ hasText: "container web" }).first()).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole("tab", { name: "cgroups" }).click();
  await expect(
    page.getByTestId("container-badge").filter({ hasText: "container web" }).first(),
  ).toBeVisible();
});

test("after a first visit the container engine works with the network off", async ({ page, context }) => {
  await openLab(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // Once the prompt is up the service worker caches every lazy file in the background.
  const lazyFiles = readdirSync(join(REPO_ROOT, "web", "dist", "image", "lazyfs", "files")).length;
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          let count = 0;
          for (const name of await caches.keys()) {
            const keys = await (await caches.open(name)).keys();
            count += keys.filter((request) => request.url.includes("/image/lazyfs/files/")).length;
          }
          return count;
        }),
      { timeout: 120_000 },
    )
    .toBe(lazyFiles);
  await context.setOffline(true);
  await page.reload();
  await waitForMachine(page);
  expect(await runInTerminal(page, "docker run --rm alpine echo offline-$((6*7))", PODMAN_MS)).toBe(0);
  await expectTerminal(page, /^offline-42\s*$/m);
});
