// Guest figures, measured with v86 under Node: boot, snapshot save/restore, agent round trips.
import { statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { NodeGuest } from "../lib/nodeGuest.ts";
import { listFiles, readFsJson } from "../lib/lazyFs.ts";
import { DIST_DIR } from "../lib/paths.ts";
import { zstd } from "../lib/snapshot.ts";
import { IMAGE_FILES } from "../../web/src/vm/guestConfig.ts";
import { median, round, type Results } from "./stats.ts";

export function imageBench(): Results {
  const lazy = listFiles(readFsJson(DIST_DIR));
  const stored = new Set(lazy.map((f) => f.stored));
  return {
    "image.bzimage_bytes": statSync(join(DIST_DIR, IMAGE_FILES.kernel)).size,
    "image.initramfs_bytes": statSync(join(DIST_DIR, IMAGE_FILES.initrd)).size,
    "image.lazyfs_files": lazy.length,
    "image.lazyfs_bytes": lazy.reduce((sum, f) => sum + f.size, 0),
    "image.lazyfs_zstd_bytes": [...stored].reduce(
      (sum, name) => sum + statSync(join(DIST_DIR, IMAGE_FILES.lazyFiles, name)).size,
      0,
    ),
  };
}

export async function guestBench(log: (line: string) => void): Promise<Results> {
  const boots: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const guest = await NodeGuest.boot();
    boots.push(performance.now() - started);
    guest.destroy();
    log(`cold boot ${i + 1}/5: ${Math.round(boots[i] as number)} ms`);
  }
  const guest = await NodeGuest.boot();
  const saves: number[] = [];
  let state = new ArrayBuffer(0);
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    state = await guest.save();
    saves.push(performance.now() - started);
  }
  guest.destroy();
  const compressed = zstd(Buffer.from(state));
  const shipped = () =>
    compressed.buffer.slice(
      compressed.byteOffset,
      compressed.byteOffset + compressed.byteLength,
    ) as ArrayBuffer;
  // Responsive = a command typed at the prompt has run and the next prompt is back.
  const fresh: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const restored = await NodeGuest.restore(shipped());
    await restored.run("true");
    fresh.push(performance.now() - started);
    restored.destroy();
  }
  // The reset path: the shipped state back into a running emulator.
  const resets: number[] = [];
  const running = await NodeGuest.restore(shipped());
  await running.run("true");
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await running.reload(shipped());
    await running.run("true");
    resets.push(performance.now() - started);
  }
  running.destroy();
  log(
    `restore to a responsive prompt: new emulator ${fresh.map(Math.round).join(", ")} ms; reset ${resets.map(Math.round).join(", ")} ms`,
  );
  return {
    "guest.cold_boot_ms": round(median(boots)),
    "guest.save_ms": round(median(saves)),
    "guest.restore_ms": round(median(resets)),
    "guest.restore_new_emulator_ms": round(median(fresh)),
    "guest.snapshot_bytes": state.byteLength,
    "guest.snapshot_zstd_bytes": compressed.byteLength,
    "guest.snapshot_gz_bytes": gzipSync(Buffer.from(state)).byteLength,
  };
}

export async function agentBench(log: (line: string) => void): Promise<Results> {
  const guest = await NodeGuest.boot();
  try {
    // Something worth reporting: a container-ish process tree with its own namespaces and cgroup.
    await guest.agent.request("exec", {
      cmd: "mkdir -p /sys/fs/cgroup/bench && echo 20M > /sys/fs/cgroup/bench/memory.max && setsid sh -c 'echo $$ > /sys/fs/cgroup/bench/cgroup.procs; exec unshare --uts --pid --net --fork --mount-proc sleep 1000' >/dev/null 2>&1 </dev/null &",
    });
    const rtts: number[] = [];
    const cpu: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const snapshot = await guest.agent.request("snapshot", {});
      rtts.push(performance.now() - started);
      cpu.push(snapshot.cpu_us / 1000);
      bytes = JSON.stringify(snapshot).length;
    }
    log(`agent snapshot: median ${round(median(rtts))} ms, ${bytes} bytes of JSON`);
    return {
      "agent.snapshot_rtt_ms": round(median(rtts)),
      "agent.snapshot_guest_cpu_ms": round(median(cpu), 2),
      "agent.snapshot_bytes": bytes,
    };
  } finally {
    guest.destroy();
  }
}
