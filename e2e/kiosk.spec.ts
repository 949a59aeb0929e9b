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

test("the instructor's kiosk.json picks chapters and language, and an idle station resets", async ({
  page,
}) => {
  await page.route(/kiosk\.json$/, (route) =>
    route.fulfill({
      json: { chapters: ["example"], language: "ja", idleTimeoutMinutes: 0.25, title: "Tokyo workshop" },
    }),
  );
  await openLab(page, "./?kiosk");
  const bar = page.getByTestId("kiosk-bar");
  await expect(bar).toContainText("Tokyo workshop");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("combobox", { name: "言語" })).toHaveCount(0);
  expect(await runInTerminal(page, "touch /root/left-behind")).toBe(0);
  // 15 s without input: a warning first, then a fresh station.
  await expect(bar.getByRole("alert")).toBeVisible({ timeout: 20_000 });
  await expect(bar).toHaveAttribute("data-resets", "1", { timeout: 30_000 });
  expect(await runInTerminal(page, "test -e /root/left-behind")).toBe(1);
});

test("a kiosk.json naming an unknown chapter says so", async ({ page }) => {
  await page.route(/kiosk\.json$/, (route) => route.fulfill({ json: { chapters: ["no-such-chapter"] } }));
  await openLab(page, "./?kiosk");
  await expect(page.getByTestId("kiosk-bar")).toContainText(/no chapter with id no-such-chapter/);
});
