// The lab keeps the student informed and in control: a busy guest never freezes the page,
// a missing or foreign snapshot means a cold boot that says why, failures offer a retry,
// and a guest that stops answering is noticed.
import { expect, test } from "@playwright/test";
import { expectTerminal, openLab, runInTerminal, waitForMachine } from "./lab.ts";

test("a CPU-bound guest does not block the lesson pane", async ({ page }) => {
  await openLab(page, "./#/chapter/example/step/enter-uts-namespace");
  await page.getByTestId("terminal").click();
  // A busy loop with no end of its own (Ctrl-C below), so the check that it still runs cannot
  // race a timer.
  await page.keyboard.type("while :; do :; done\n");
  await expect(page.getByTestId("command-status")).toHaveText(/Running/);
  // The page answers at once while the emulated CPU is saturated.
  await page.getByRole("button", { name: /Show a hint \(1 of 2\)/ }).click();
  await expect(page.getByRole("complementary", { name: "Hint 1" })).toBeVisible();
  await page.getByRole("link", { name: /Rename the container/ }).click();
  await expect(page.getByRole("heading", { name: "Rename the container" })).toBeVisible();
  await expect(page.getByTestId("command-status")).toHaveText(/Running/);
  await page.keyboard.press("Control+C");
});

test("without a shipped snapshot the page cold-boots and says so", async ({ page }) => {
  await page.route(/snapshot\.(json|bin\.zst)$/, (route) => route.fulfill({ status: 404, body: "" }));
  await openLab(page);
  const status = page.getByTestId("machine-status");
  await expect(status).toHaveAttribute("data-mode", "cold");
  await expect(status).toContainText(/no saved snapshot/);
  expect(await runInTerminal(page, "uname -m")).toBe(0);
});

test("a snapshot of another image is not restored", async ({ page }) => {
  await page.route(/snapshot\.json$/, (route) =>
    route.fulfill({ json: { image_id: "0000000000000000", machine: "x", bytes: 1, compressed_bytes: 1 } }),
  );
  await openLab(page);
  await expect(page.getByTestId("machine-status")).toContainText(/does not match this machine image/);
  expect(await runInTerminal(page, "true")).toBe(0);
});

test("a failed download shows what failed and a retry that works", async ({ page }) => {
  let fail = true;
  await page.route(/bios\.bin$/, (route) =>
    fail ? route.fulfill({ status: 500, body: "" }) : route.continue(),
  );
  await page.goto("./");
  const overlay = page.getByTestId("boot-overlay");
  await expect(overlay).toHaveAttribute("data-phase", "failed");
  await expect(overlay).toContainText(/bios\.bin: HTTP 500/);
  fail = false;
  await overlay.getByRole("button", { name: "Retry" }).click();
  await waitForMachine(page);
});

test("a guest that stops answering is noticed, and the student's saved work comes back", async ({ page }) => {
  await openLab(page);
  expect(await runInTerminal(page, "echo keep-me > /root/work.txt")).toBe(0);
  await page.getByTestId("session-menu").click();
  await page.getByTestId("save-now").click();
  await expect(page.getByTestId("save-status")).toHaveText(/saved at/i, { timeout: 30_000 });
  await page.getByTestId("session-menu").click();
  // Freeze the guest agent, as a runaway process or a hung kernel would.
  expect(await runInTerminal(page, "kill -STOP $(pidof guest-agent)")).toBe(0);
  const banner = page.getByTestId("health-banner");
  await expect(banner).toBeVisible({ timeout: 40_000 });
  await banner.getByTestId("restore-saved").click();
  await waitForMachine(page);
  await expect(banner).toHaveCount(0);
  expect(await runInTerminal(page, "cat /root/work.txt")).toBe(0);
  await expectTerminal(page, /keep-me/);
});
