// Faults a student can cause, measured on the built lab in Chromium: fault → a working prompt
// (and, for the agent, answering panels), for the rows of issue 13's table that recover by
// themselves or with the one click the lab offers.
import type { Page } from "playwright-core";
import { benchContext, launchChromium } from "../lib/browser.ts";
import { ensureBuild, WEB_DIST } from "../lib/ensureBuild.ts";
import { serveStatic } from "../lib/staticServer.ts";
import { typed, waitForPrompt } from "./prompt.ts";
import { median, round, type Results } from "./stats.ts";

async function saveNow(page: Page): Promise<void> {
  await page.getByTestId("session-menu").click();
  await page.getByTestId("save-now").click();
  await page
    .getByTestId("save-status")
    .filter({ hasText: /saved at/i })
    .waitFor({ timeout: 60_000 });
  await page.getByTestId("session-menu").click();
}

/** Until a process started now shows in the processes panel: the agent answers again. */
async function untilPanelsShow(page: Page, marker: string): Promise<void> {
  await typed(page, `sleep ${marker} &`);
  await page.getByText(`sleep ${marker}`).first().waitFor({ timeout: 60_000 });
}

const ROWS: Record<string, (page: Page) => Promise<number>> = {
  // The OOM killer ends the hog; the shell's prompt comes back by itself.
  "memory hog": (page) => typed(page, "dd if=/dev/zero of=/dev/null bs=100M count=1", 137),
  // busybox init respawns the agent; the panels answer again.
  "agent killed": async (page) => {
    const started = Date.now();
    await typed(page, "kill -9 $(pidof guest-agent)");
    await untilPanelsShow(page, "7373");
    return Date.now() - started;
  },
  // Recognised at once; one click goes back to the last save.
  poweroff: async (page) => {
    await saveNow(page);
    const started = Date.now();
    await page.getByTestId("terminal").click();
    await page.keyboard.type("poweroff\n");
    await page.getByTestId("restore-saved").click({ timeout: 30_000 });
    await waitForPrompt(page);
    await typed(page, "true");
    return Date.now() - started;
  },
};

export async function reliabilityBench(log: (line: string) => void): Promise<Results> {
  ensureBuild();
  const server = await serveStatic(WEB_DIST, 0);
  const browser = await launchChromium();
  try {
    const perRow: Record<string, number> = {};
    for (const [name, fault] of Object.entries(ROWS)) {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const context = await benchContext(browser);
        const page = await context.newPage();
        await page.goto(server.url);
        await waitForPrompt(page);
        await page.getByRole("tab", { name: "Processes" }).click();
        samples.push(await fault(page));
        await context.close();
      }
      perRow[name] = median(samples);
      log(`${name}: ${samples.map(Math.round).join(", ")} ms`);
    }
    return { "reliability.recover_ms": round(median(Object.values(perRow))) };
  } finally {
    await browser.close();
    await server.close();
  }
}
