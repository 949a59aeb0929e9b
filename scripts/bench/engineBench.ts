// The container stack and the lazy filesystem: crun and podman run times in the shipped machine
// (v86 under Node), the first podman command after a restore in the browser, and the read
// speed of a 31 MB file over the lazy filesystem.
import { join } from "node:path";
import { benchContext, launchChromium } from "../lib/browser.ts";
import { ensureBuild, WEB_DIST } from "../lib/ensureBuild.ts";
import { listFiles, readFsJson } from "../lib/lazyFs.ts";
import { NodeGuest, readBuffer } from "../lib/nodeGuest.ts";
import { DIST_DIR } from "../lib/paths.ts";
import { snapshotIsCurrent, SNAPSHOT_DIR, writeSnapshot } from "../lib/snapshot.ts";
import { serveStatic } from "../lib/staticServer.ts";
import { IMAGE_FILES } from "../../web/src/vm/guestConfig.ts";
import { typed, waitForPrompt } from "./prompt.ts";
import { median, round, type Results } from "./stats.ts";
import { execInGuest } from "../../web/src/vm/agentExec.ts";

const BUNDLE = [
  "mkdir -p /root/bench/rootfs/bin /root/bench/rootfs/proc /root/bench/rootfs/dev /root/bench/rootfs/sys",
  "cd /root/bench && cp /bin/busybox rootfs/bin/ && ln -sf busybox rootfs/bin/echo",
  "crun spec",
  `sed -i 's/"terminal": true/"terminal": false/; s/"sh"$/"echo", "hi"/' config.json`,
].join(" && ");

/** The snapshot the build ships (zstd, which v86 restores as it is). */
async function shipped(): Promise<ArrayBuffer> {
  if (!snapshotIsCurrent()) await writeSnapshot();
  return readBuffer(join(SNAPSHOT_DIR, IMAGE_FILES.snapshot));
}

/** Wall time of a shell command run by the agent; fails the bench if the command fails. */
async function timed(guest: NodeGuest, cmd: string): Promise<number> {
  const started = performance.now();
  const result = await execInGuest(guest.agent, cmd, 300_000);
  if (result.exit_code !== 0)
    throw new Error(`bench command failed: ${cmd}\n${result.stdout}${result.stderr}`);
  return performance.now() - started;
}

const fmt = (values: number[]) => values.map(Math.round).join(", ");

async function nodeFigures(log: (line: string) => void): Promise<Results> {
  const state = await shipped();
  const podman = listFiles(readFsJson(DIST_DIR)).find((f) => f.path === "/usr/bin/podman");
  if (!podman) throw new Error("no /usr/bin/podman on the lazy filesystem");
  // Read speed: a new emulator each time, so nothing is loaded yet (fetch + zstd + 9p + page cache).
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const guest = await NodeGuest.restore(state.slice(0));
    try {
      cold.push(await timed(guest, "cat /usr/bin/podman > /dev/null"));
    } finally {
      guest.destroy();
    }
  }
  const guest = await NodeGuest.restore(state.slice(0));
  try {
    // Warm 9p: the file is loaded, the guest's page cache is not.
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      await timed(guest, "sync; echo 3 > /proc/sys/vm/drop_caches");
      warm.push(await timed(guest, "cat /usr/bin/podman > /dev/null"));
    }
    const mbps = (ms: number) => podman.size / 1e6 / (ms / 1000);
    log(`read ${podman.size} bytes: first ${fmt(cold)} ms, loaded ${fmt(warm)} ms`);
    await timed(guest, BUNDLE);
    const crun: number[] = [];
    for (let i = 0; i < 5; i++) crun.push(await timed(guest, `cd /root/bench && crun run bench${i}`));
    log(`crun run: ${fmt(crun)} ms`);
    const first = await timed(guest, "podman run --rm alpine true");
    const podmanRuns: number[] = [];
    for (let i = 0; i < 5; i++) podmanRuns.push(await timed(guest, "podman run --rm alpine true"));
    log(`podman run --rm: first ${Math.round(first)} ms, then ${fmt(podmanRuns)} ms`);
    return {
      "fs.read_mb_s": round(mbps(median(cold))),
      "fs.read_loaded_mb_s": round(mbps(median(warm))),
      "engine.crun_run_ms": round(median(crun)),
      "engine.podman_run_ms": round(median(podmanRuns)),
      "engine.podman_first_run_node_ms": round(first),
    };
  } finally {
    guest.destroy();
  }
}

async function browserFigures(log: (line: string) => void): Promise<Results> {
  ensureBuild();
  const server = await serveStatic(WEB_DIST, 0);
  const browser = await launchChromium();
  try {
    // A student reads the lesson before typing: the command 40 s after the prompt, when the
    // page's warm-up (guestConfig.ts WARM_UP_COMMAND, after 10 s idle) has run; and typed the
    // moment the prompt appears.
    const measure = async (delayMs: number) => {
      const context = await benchContext(browser);
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForPrompt(page);
      await page.waitForTimeout(delayMs);
      const ms = await typed(page, "podman run --rm alpine true");
      await context.close();
      return ms;
    };
    const later: number[] = [];
    const atOnce: number[] = [];
    for (let i = 0; i < 3; i++) later.push(await measure(40_000));
    for (let i = 0; i < 3; i++) atOnce.push(await measure(0));
    log(`first podman run after the page's restore: 40 s later ${fmt(later)} ms; at once ${fmt(atOnce)} ms`);
    return {
      "engine.podman_first_run_ms": round(median(later)),
      "engine.podman_first_run_at_prompt_ms": round(median(atOnce)),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function engineBench(log: (line: string) => void): Promise<Results> {
  return { ...(await nodeFigures(log)), ...(await browserFigures(log)) };
}
