// The editor's lazy-load cost, in headless Chromium against the production build: what the
// first prompt must NOT fetch (any editor or Monaco chunk), what opening the editor fetches,
// and how long a student waits from "Editor" to the first keystroke drawn in Monaco.
import { waitForPrompt } from "./prompt.ts";
import type { Browser, Page, Request } from "playwright-core";
import { benchContext, launchChromium } from "../lib/browser.ts";
import { ensureBuild, WEB_DIST } from "../lib/ensureBuild.ts";
import { serveStatic } from "../lib/staticServer.ts";
import { median, round, type Results } from "./stats.ts";

const RUNS = 3;
/** The heaviest path a student takes: a new OCI config.json (JSON mode and its worker load too). */
const FILE = "/root/bench/config.json";
/** Quiet time after which the lazy load counts as finished (workers and the font load late). */
const SETTLE_MS = 1_500;

/**
 * An editor asset, by the chunk names Vite gives the editor's modules or, whatever the
 * bundler calls a chunk, by Monaco's own markers in its code and styles.
 */
const EDITOR_CHUNK =
  /\/assets\/(?:EditorPane|AuthorMode|MonacoHost|monacoSetup|editor\.api|jsonMode|editor\.worker|json\.worker|codicon)[-.]/;
const MONACO_MARKERS = ["monaco-editor", "MonacoEnvironment"];

interface Fetched {
  url: string;
  bytes: number;
  editor: boolean;
}

async function classify(request: Request): Promise<Fetched> {
  const sizes = await request.sizes();
  const response = await request.response();
  // Chromium reports no body size for a worker's own script; the (gzip) Content-Length is it.
  const length = Number((await response?.allHeaders())?.["content-length"] ?? 0);
  const bytes = Math.max(sizes.responseBodySize, length) + sizes.responseHeadersSize;
  const url = request.url();
  let editor = EDITOR_CHUNK.test(url);
  if (!editor && /\.(?:js|css)(?:\?|$)/.test(url)) {
    const body = (await response?.body())?.toString("utf8") ?? "";
    editor = MONACO_MARKERS.some((marker) => body.includes(marker));
  }
  return { url, bytes, editor };
}

/** Resolves once no request has finished for `quietMs`. */
function settled(page: Page, quietMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    function done() {
      page.off("requestfinished", bump);
      resolve();
    }
    function bump() {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    }
    page.on("requestfinished", bump);
  });
}

interface Run {
  firstPrompt: Fetched[];
  lazy: Fetched[];
  firstEditMs: number;
}

async function measure(browser: Browser, url: string): Promise<Run> {
  // No service worker: it would precache every file (the editor too) and then serve the
  // lazy chunks from its cache, which is not the cost of a first visit.
  const context = await benchContext(browser, { serviceWorkers: "block" });
  const page = await context.newPage();
  const pending: Promise<Fetched>[] = [];
  let phase: Fetched[][] = [[]];
  page.on("requestfinished", (request) => {
    const bucket = phase.at(-1);
    const classified = classify(request).then((fetched) => {
      bucket?.push(fetched);
      return fetched;
    });
    pending.push(classified.catch(() => ({ url: request.url(), bytes: 0, editor: false })));
  });
  try {
    await page.goto(url);
    await waitForPrompt(page);
    await settled(page, 500);
    const firstPrompt = phase[0] ?? [];
    const lazy: Fetched[] = [];
    phase = [firstPrompt, lazy];

    // From the click on "Editor" to the first typed character drawn by Monaco, timed in the page.
    await page.evaluate(() => {
      const w = window as unknown as { __openAt?: number; __editedAt?: number };
      document.addEventListener(
        "click",
        (event) => {
          if ((event.target as Element).closest("[data-testid=open-editor]")) w.__openAt = performance.now();
        },
        { capture: true },
      );
      new MutationObserver((_records, observer) => {
        if ((document.querySelector(".cl-editor .view-lines")?.textContent ?? "").includes("{")) {
          w.__editedAt = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const quiet = settled(page, SETTLE_MS);
    await page.getByTestId("open-editor").click();
    await page.getByTestId("editor-path").fill(FILE);
    await page.getByTestId("editor-path").press("Enter");
    const host = page.locator("[data-testid=editor-pane] [data-testid=monaco-host][data-ready=true]");
    await host.waitFor({ timeout: 60_000 });
    await host.locator(".monaco-editor").click({ position: { x: 120, y: 12 } });
    await page.keyboard.type("{");
    await page.waitForFunction(() => (window as unknown as { __editedAt?: number }).__editedAt !== undefined);
    const firstEditMs = await page.evaluate(() => {
      const w = window as unknown as { __openAt: number; __editedAt: number };
      return w.__editedAt - w.__openAt;
    });
    await quiet;
    await Promise.all(pending);
    return { firstPrompt, lazy, firstEditMs };
  } finally {
    await context.close();
  }
}

const sum = (files: Fetched[]) => files.reduce((total, file) => total + file.bytes, 0);
const name = (url: string) => new URL(url).pathname.split("/").pop() ?? url;

export async function editorBench(log: (line: string) => void): Promise<Results> {
  ensureBuild();
  const server = await serveStatic(WEB_DIST, 0);
  const browser = await launchChromium();
  try {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server.url));
    const [first] = runs;
    if (!first) throw new Error("no run");
    for (const file of [...first.lazy].sort((a, b) => b.bytes - a.bytes)) {
      log(`lazy: ${name(file.url)} ${file.bytes} B`);
    }
    for (const file of first.firstPrompt.filter((f) => f.editor))
      log(`IN FIRST PROMPT: ${name(file.url)} ${file.bytes} B`);
    log(`first edit: ${runs.map((run) => Math.round(run.firstEditMs)).join(", ")} ms`);
    return {
      "editor.lazy_bytes": median(runs.map((run) => sum(run.lazy))),
      "editor.first_edit_ms": round(median(runs.map((run) => run.firstEditMs))),
      "editor.in_first_prompt_bytes": Math.max(
        ...runs.map((run) => sum(run.firstPrompt.filter((file) => file.editor))),
      ),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
