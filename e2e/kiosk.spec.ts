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

test("the PIN lockout outlives a reload, and a station loads no session files", async ({ page }) => {
  await page.route(/kiosk\.json$/, (route) => route.fulfill({ json: { instructorPin: "2468" } }));
  await openLab(page, "./?kiosk");
  const menu = page.getByTestId("kiosk-menu-dialog");
  const enter = async (pin: string) => {
    await menu.getByLabel("PIN").fill(pin);
    await menu.getByRole("button", { name: "Open" }).click();
  };
  await page.getByTestId("kiosk-menu").click();
  for (const pin of ["1111", "1112", "1113", "1114"]) {
    await enter(pin);
    await expect(menu.getByRole("alert")).toHaveText("Wrong PIN.");
  }
  await page.reload();
  await openLab(page, "./?kiosk");
  await page.getByTestId("kiosk-menu").click();
  await enter("1115"); // the fifth wrong PIN, counted across the reload
  await expect(menu.getByRole("alert")).toHaveText(/locked for 1 min/);
  await page.reload();
  await openLab(page, "./?kiosk");
  await page.getByTestId("kiosk-menu").click();
  await enter("2468");
  await expect(menu.getByRole("alert")).toHaveText(/locked for 1 min/);
  await expect(menu.getByTestId("record-count")).toHaveCount(0);
  await menu.getByRole("button", { name: "Close" }).click();

  // Class records come from what the station saw: no "Load a session…" to forge them with.
  await page.getByTestId("session-menu").click();
  await expect(page.getByTestId("no-load")).toBeVisible();
  await expect(page.getByRole("button", { name: "Load a session…" })).toHaveCount(0);
});
