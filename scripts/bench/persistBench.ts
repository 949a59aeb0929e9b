// Saving the student's machine and handing a kiosk to the next student, in headless Chromium.
import { waitForPrompt } from "./prompt.ts";
import type { Page } from "playwright-core";
import { benchContext } from "../lib/browser.ts";
import { interleaved, measureBuilds } from "./builds.ts";
import type { Results } from "./stats.ts";

/** Main-thread long tasks (over 50 ms) during `action`, summed, and how long it took. */
async function measure(page: Page, click: string, done: string): Promise<{ ms: number; blockedMs: number }> {
  return page.evaluate(
    ([clickSelector, doneText]) =>
      new Promise<{ ms: number; blockedMs: number }>((resolve) => {
        let blockedMs = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) blockedMs += entry.duration;
        });
        observer.observe({ type: "longtask" });
        const started = performance.now();
        (document.querySelector(clickSelector) as HTMLButtonElement).click();
        // Through "Saving…" to done: two saves in the same second print the same time.
        let saving = false;
        const poll = () => {
          const text = document.querySelector("[data-testid=save-status]")?.textContent ?? "";
          if (/Saving/.test(text)) saving = true;
          if (saving && new RegExp(doneText).test(text)) {
            observer.disconnect();
            resolve({ ms: performance.now() - started, blockedMs });
          } else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }),
    [click, done] as const,
  );
}

async function savedBytes(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("container-lab");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("machine").objectStore("machine").get("current");
          get.onsuccess = () => resolve((get.result as { state: Blob } | undefined)?.state.size ?? 0);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

export function persistBench(log: (line: string) => void): Promise<Results> {
  return measureBuilds(log, ({ browser, served, samples }) =>
    interleaved(served, 1, async (build) => {
      const context = await benchContext(browser);
      const page = await context.newPage();
      await page.goto(build.url);
      await waitForPrompt(page);
      // The page's own after-prompt work (the lesson pane and its lessons, the service worker's
      // caching) is not the save's: let it finish, so the long tasks counted are the save's.
      await page.waitForSelector(".cl-lesson-chapters, .cl-lesson-chapter-view", { timeout: 60_000 });
      await page.waitForTimeout(2_000);
      await page.getByTestId("session-menu").click();
      for (let i = 0; i < 5; i++) {
        const run = await measure(page, "[data-testid=save-now]", "saved at");
        samples.add(build, "persist.save_ms", run.ms);
        samples.add(build, "persist.main_thread_block_ms", run.blockedMs);
      }
      samples.add(build, "persist.saved_bytes", await savedBytes(page));
      await context.close();

      const kiosk = await benchContext(browser);
      const station = await kiosk.newPage();
      station.on("dialog", (dialog) => void dialog.accept());
      await station.goto(`${build.url}?kiosk`);
      await waitForPrompt(station);
      for (let i = 0; i < 3; i++) samples.add(build, "kiosk.reset_ms", await nextStudent(station));
      await kiosk.close();
    }),
  );
}

/** "Next student" clicked → the fresh machine's prompt on screen. */
function nextStudent(station: Page): Promise<number> {
  return station.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const button = document.querySelector("[data-testid=next-student]") as HTMLButtonElement;
        const started = performance.now();
        button.click();
        const poll = () => {
          const ready =
            !button.disabled &&
            !document.querySelector("[data-testid=boot-overlay]") &&
            (document.querySelector(".xterm-rows")?.textContent ?? "").includes("root@containerlab");
          if (ready && performance.now() - started > 50) resolve(performance.now() - started);
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }),
  );
}
