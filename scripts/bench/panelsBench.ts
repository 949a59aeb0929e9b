// The live panels' cost and freshness, in headless Chromium on the real guest.
import type { Page } from "playwright-core";
import { benchContext, launchChromium } from "../lib/browser.ts";
import { ensureBuild, WEB_DIST } from "../lib/ensureBuild.ts";
import { serveStatic } from "../lib/staticServer.ts";
import { median, round, type Results } from "./stats.ts";

const WINDOW_S = 20;
const CLOCK_TICKS_PER_S = 100;

async function type(page: Page, line: string): Promise<void> {
  await page.getByTestId("terminal").click();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

async function terminalText(page: Page): Promise<string> {
  return (await page.locator(".xterm-rows").innerText()).replace(/\u00a0/g, " ");
}

export async function panelsBench(log: (line: string) => void): Promise<Results> {
  ensureBuild();
  const server = await serveStatic(WEB_DIST, 0);
  const browser = await launchChromium();
  try {
    const context = await benchContext(browser, { viewport: { width: 1500, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(
      () => (document.querySelector(".xterm-rows")?.textContent ?? "").includes("root@containerlab"),
      undefined,
      { polling: "raf", timeout: 60_000 },
    );
    await page.getByRole("tab", { name: /cgroups/i }).click();
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number };
      w.__longTasks = 0;
      new PerformanceObserver((list) => (w.__longTasks += list.getEntries().length)).observe({
        type: "longtask",
      });
    });

    // Freshness: from the shell's "finished" mark to the new cgroup drawn in the panel.
    const updates: number[] = [];
    for (let i = 0; i < 8; i++) {
      const path = `/bench${i}`;
      const waiting = page.evaluate(
        (testId) =>
          new Promise<number>((resolve) => {
            const status = document.querySelector("[data-testid=command-status]");
            const seq = status?.getAttribute("data-seq");
            let finishedAt = 0;
            const poll = () => {
              const now = performance.now();
              if (!finishedAt && status?.getAttribute("data-seq") !== seq) finishedAt = now;
              if (finishedAt && document.querySelector(`[data-testid="${testId}"]`))
                resolve(now - finishedAt);
              else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          }),
        `cgroup-node-${path}`,
      );
      await type(page, `mkdir /sys/fs/cgroup${path}`);
      updates.push(await waiting);
    }
    log(`panel update after a command: ${updates.map(Math.round).join(", ")} ms`);

    // Cost: the agent's own CPU time in the guest while the panels poll at their default rate.
    await type(page, "clear");
    await type(
      page,
      `p=$(pidof guest-agent); a=$(awk '{print $14+$15}' /proc/$p/stat); sleep ${WINDOW_S}; b=$(awk '{print $14+$15}' /proc/$p/stat); echo AGENT_TICKS=$((b-a))`,
    );
    await page.waitForFunction(
      () => /AGENT_TICKS=\d+/.test(document.querySelector(".xterm-rows")?.textContent ?? ""),
      undefined,
      {
        timeout: (WINDOW_S + 30) * 1000,
      },
    );
    const ticks = Number((await terminalText(page)).match(/AGENT_TICKS=(\d+)/)?.[1]);
    const cpuPct = (ticks / CLOCK_TICKS_PER_S / WINDOW_S) * 100;
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);
    log(
      `agent: ${ticks} ticks in ${WINDOW_S} s = ${round(cpuPct, 2)} % of the guest CPU; ${longTasks} long tasks`,
    );
    await context.close();
    return {
      "panels.update_ms": round(median(updates)),
      "panels.agent_cpu_pct": round(cpuPct, 2),
      "panels.long_tasks": longTasks,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
