// The container stack. In Chromium (`engine`): the student's first `docker run` after the page's
// restore, typed at once and after reading for a while, then warm docker and podman commands.
// Under Node (`engine-node`): crun and podman run times in the shipped machine and the read
// speed of a 31 MB file over the lazy filesystem.
import { join } from "node:path";
import { benchContext } from "../lib/browser.ts";
import { listFiles, readFsJson } from "../lib/lazyFs.ts";
import { NodeGuest, readBuffer } from "../lib/nodeGuest.ts";
import { DIST_DIR } from "../lib/paths.ts";
import { snapshotIsCurrent, SNAPSHOT_DIR, writeSnapshot } from "../lib/snapshot.ts";
import { interleaved, measureBuilds } from "./builds.ts";
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

export async function engineNodeBench(log: (line: string) => void): Promise<Results> {
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
      "engine.podman_run_node_ms": round(median(podmanRuns)),
      "engine.podman_first_run_node_ms": round(first),
    };
  } finally {
    guest.destroy();
  }
}

/** What a student types first: the textbook's first container, through the docker shim. */
const FIRST_RUN = "docker run --rm alpine echo hi";
/**
 * The warm figures, taken in the same page after the first run: each command this many times in
 * a row (the JIT keeps learning for several runs; these are what a student sees in a session).
 */
const WARM: [key: string, command: string, times: number][] = [
  ["engine.docker_run_ms", FIRST_RUN, 5],
  ["engine.podman_run_ms", "podman run --rm alpine echo hi", 2],
  ["engine.podman_ps_ms", "podman ps", 3],
  ["engine.podman_images_ms", "podman images", 3],
];
/** A student reads the lesson before typing: the first command comes this long after the prompt. */
const READING_MS = 20_000;

export function engineBench(log: (line: string) => void): Promise<Results> {
  return measureBuilds(log, ({ browser, served, samples }) =>
    interleaved(served, 5, async (build) => {
      // Typed READING_MS after the prompt (the page's idle warm-up has had its chance), then
      // the warm figures in the same page; and, in a page of its own, typed at once.
      for (const delayMs of [READING_MS, 0]) {
        const context = await benchContext(browser);
        try {
          const page = await context.newPage();
          await page.goto(build.url);
          await waitForPrompt(page);
          await page.waitForTimeout(delayMs);
          const first = await typed(page, FIRST_RUN);
          if (delayMs === 0) {
            samples.add(build, "engine.podman_first_run_at_prompt_ms", first);
            continue;
          }
          samples.add(build, "engine.podman_first_run_ms", first);
          for (const [key, command, times] of WARM)
            for (let i = 0; i < times; i++) samples.add(build, key, await typed(page, command));
        } finally {
          await context.close();
        }
      }
    }),
  );
}
