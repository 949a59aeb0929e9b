// A workshop station: the next student gets a fresh machine and no progress.
import { expect, test } from "@playwright/test";
import { openLab, runInTerminal } from "./lab.ts";

test("Next student clears the machine", async ({ page }) => {
  await openLab(page, "./?kiosk");
  await expect(page.getByTestId("kiosk-bar")).toBeVisible();
  expect(await runInTerminal(page, "echo previous-student > /root/secret")).toBe(0);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("next-student").click();
  await expect(page.getByTestId("next-student")).toBeEnabled({ timeout: 10_000 });
  await expect(page.getByTestId("boot-overlay")).toHaveCount(0);
  expect(await runInTerminal(page, "test -e /root/secret")).toBe(1);
});

test("a kiosk never navigates away from the lab", async ({ page }) => {
  await openLab(page, "./?kiosk");
  const opened = await page.evaluate(() => window.open("https://example.com/") === null);
  expect(opened).toBe(true);
  await page.evaluate(() => {
    const link = document.createElement("a");
    link.href = "https://example.com/";
    link.textContent = "away";
    document.body.append(link);
    link.click();
  });
  await expect(page).toHaveURL(/\?kiosk/);
});
