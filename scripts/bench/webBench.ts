// The page, measured in headless Chromium against the production build on a local server.
import { waitForPrompt } from "./prompt.ts";
import type { Browser, Page, Request } from "playwright-core";
import { benchContext } from "../lib/browser.ts";
import { interleaved, measureBuilds } from "./builds.ts";
import { median, type Results } from "./stats.ts";

/** Navigation start → the prompt is on screen and the machine is marked ready. */
async function timeToPrompt(
  browser: Browser,
  url: string,
  cold: boolean,
): Promise<{ ms: number; bytes: number; page: Page }> {
  const context = await benchContext(browser);
  if (cold)
    await context.route(/snapshot\.(json|bin\.zst)$/, (route) => route.fulfill({ status: 404, body: "" }));
  const page = await context.newPage();
  // The first prompt's bytes: every request the page started before the prompt was on screen
  // (what it fetches afterwards, such as the lesson pane, does not count).
  const requests: Request[] = [];
  page.on("requestfinished", (request) => requests.push(request));
  await page.goto(url);
  const promptAt = await waitForPrompt(page);
  const ms = await page.evaluate(() => performance.now());
  await new Promise((resolve) => setTimeout(resolve, 500)); // let those still in flight land
  let bytes = 0;
  for (const request of requests) {
    if (request.timing().startTime > promptAt) continue;
    const sizes = await request.sizes();
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  return { ms, bytes, page };
}

/** Keydown → the typed character drawn in the terminal, measured inside the page. */
async function echoRoundTrip(page: Page, samples = 20): Promise<number> {
  await page.getByTestId("terminal").click();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const char = String.fromCharCode(97 + (i % 26));
    // Listen first, and only then type: the listener must be in place before the keydown, even
    // when the page is busy (the lesson pane loads around this time).
    await page.evaluate((expected) => {
      const probe = { down: 0, mutations: 0 };
      const rows = document.querySelector(".xterm-rows");
      if (!rows) throw new Error("no terminal");
      const before = rows.textContent ?? "";
      document.addEventListener("keydown", () => (probe.down = performance.now()), {
        capture: true,
        once: true,
      });
      const done = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          probe.mutations++;
          const now = rows.textContent ?? "";
          if (probe.down && now !== before && now.includes(expected)) {
            observer.disconnect();
            resolve(performance.now() - probe.down);
          }
        });
        observer.observe(rows, { subtree: true, childList: true, characterData: true });
      });
      Object.assign(window, { __echoProbe: probe, __echoDone: done });
    }, char);
    const waiting = page.evaluate(() => (window as unknown as { __echoDone: Promise<number> }).__echoDone);
    await page.waitForTimeout(20);
    await page.keyboard.type(char);
    // A keystroke the page never draws is reported, with what the page saw, not waited on for ever.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void page
          .evaluate(() => ({
            probe: (window as unknown as { __echoProbe: unknown }).__echoProbe,
            active: document.activeElement?.className ?? "",
            line: (document.querySelector(".xterm-rows")?.textContent ?? "").trimEnd().slice(-60),
          }))
          .then((seen) =>
            reject(new Error(`echo of "${char}" not drawn within 10 s: ${JSON.stringify(seen)}`)),
          );
      }, 10_000);
    });
    times.push(await Promise.race([waiting, timeout]));
    clearTimeout(timer);
  }
  await page.keyboard.press("Control+U");
  return median(times);
}

export function webBench(log: (line: string) => void): Promise<Results> {
  return measureBuilds(log, async ({ browser, served, samples }) => {
    await interleaved(served, 5, async (build, i) => {
      const run = await timeToPrompt(browser, build.url, false);
      samples.add(build, "web.warm_tti_ms", run.ms);
      if (i < 2) {
        // Byte counts do not vary; heap and echo once per build are enough beside the start times.
        samples.add(build, "web.first_prompt_bytes", run.bytes);
        const cdp = await run.page.context().newCDPSession(run.page);
        await cdp.send("HeapProfiler.collectGarbage");
        samples.add(build, "web.js_heap_bytes", (await cdp.send("Runtime.getHeapUsage")).usedSize);
        samples.add(build, "web.echo_rtt_ms", await echoRoundTrip(run.page));
      }
      await run.page.context().close();
    });
    await interleaved(served, 3, async (build) => {
      const run = await timeToPrompt(browser, build.url, true);
      samples.add(build, "web.cold_tti_ms", run.ms);
      await run.page.context().close();
    });
  });
}
