// npx tsx scripts/capture-panel-fixtures.ts: boots the real guest, sets up the situations the
// kernel-state panels must draw (namespaces, cgroup limits and their events, an overlay mount,
// a rootless user namespace) and writes the agent's snapshots to web/src/panels/fixtures/.
// The panel transforms are tested against these files, so they must come from the guest, never
// be written by hand: re-run this whenever the agent or the image changes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "prettier";
import { NodeGuest } from "./lib/nodeGuest.ts";
import { REPO_ROOT } from "./lib/paths.ts";
import { snapshotSchema, type ExecResult } from "../web/src/vm/protocol.ts";
import { execInGuest } from "../web/src/vm/agentExec.ts";

const OUT_DIR = join(REPO_ROOT, "web", "src", "panels", "fixtures");
const CG = "/sys/fs/cgroup";
const QUIET = ">/dev/null 2>&1 </dev/null";

/** Set up before the `before` snapshot: limits are in place, nothing has hit them yet. */
const SETUP: string[] = [
  // UTS + PID namespace (--mount-proc also gives it a mount namespace of its own).
  `setsid unshare --uts --pid --fork --mount-proc sleep 1000 ${QUIET} &`,
  // A rootless user namespace: student is uid 0 inside, 1000 outside.
  `su -s /bin/sh student -c 'unshare --user --map-root-user sleep 1000' ${QUIET} &`,
  // An overlay with two lower layers, the first (top) one shadowing the second.
  [
    "mkdir -p /tmp/ov/lower-top /tmp/ov/lower-base /tmp/ov/upper /tmp/ov/work /tmp/ov/merged",
    "echo base > /tmp/ov/lower-base/a",
    "echo gone > /tmp/ov/lower-base/b",
    "echo top > /tmp/ov/lower-top/c",
    "mount -t overlay overlay -o lowerdir=/tmp/ov/lower-top:/tmp/ov/lower-base,upperdir=/tmp/ov/upper,workdir=/tmp/ov/work /tmp/ov/merged",
  ].join(" && "),
  // cgroups: one per limit, plus a nested pair so the tree has depth.
  `mkdir ${CG}/demo && echo 20M > ${CG}/demo/memory.max`,
  `mkdir ${CG}/forks && echo 5 > ${CG}/forks/pids.max`,
  `mkdir ${CG}/slow && echo '10000 100000' > ${CG}/slow/cpu.max`,
  `mkdir ${CG}/lab && echo '+memory +pids' > ${CG}/lab/cgroup.subtree_control && mkdir ${CG}/lab/app`,
  `sh -c 'echo $$ > ${CG}/lab/app/cgroup.procs; exec sleep 1000' ${QUIET} &`,
];

/** Run between `before` and `after`: each one makes a counter the panels watch grow. */
const EVENTS: string[] = [
  // OOM kill: 48M wanted, 20M allowed. stress fails, which is the point.
  `sh -c 'echo $$ > ${CG}/demo/cgroup.procs; exec stress --vm 1 --vm-bytes 48M --vm-hang 0 -t 10'; true`,
  // A member that stays, so the node shows a PID.
  `sh -c 'echo $$ > ${CG}/demo/cgroup.procs; exec sleep 1000' ${QUIET} &`,
  // pids.max refusals (busybox ash gives up on a failed fork at once).
  `busybox sh -c 'echo $$ > ${CG}/forks/cgroup.procs; i=0; while [ $i -lt 12 ]; do sleep 3 & i=$((i+1)); done; wait' ${QUIET}; true`,
  // Throttling under cpu.max.
  `sh -c 'echo $$ > ${CG}/slow/cgroup.procs; timeout 2 busybox sh -c "while :; do :; done"'; true`,
  // Overlay copy-up and a whiteout.
  "echo changed >> /tmp/ov/merged/a && rm /tmp/ov/merged/b",
  // A zombie: its parent exec()s into sleep and never reaps it. The agent reports null
  // namespace inodes for it, which the panels must accept.
  `sh -c 'sleep 0.1 & exec sleep 1000' ${QUIET} &`,
];

async function exec(guest: NodeGuest, cmd: string): Promise<ExecResult> {
  const result = await execInGuest(guest.agent, cmd, 240_000);
  if (result.exit_code !== 0) {
    throw new Error(
      `guest command failed (${result.exit_code ?? "signal " + result.signal}): ${cmd}\n${result.stderr}`,
    );
  }
  return result;
}

async function snapshot(guest: NodeGuest, name: string): Promise<void> {
  // The agent can be mid-way through another reply right after a burst of work; retry briefly.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const raw = await guest.agent.request("snapshot", {}, { timeoutMs: 30_000 });
      const parsed = snapshotSchema.safeParse(raw);
      if (!parsed.success) {
        // Still written: a fixture that the schema rejects is exactly what the panels must survive.
        console.warn(`${name}: the reply does not match snapshotSchema:\n${parsed.error.message}`);
      }
      const text = await format(JSON.stringify(raw), { parser: "json", printWidth: 110 });
      writeFileSync(join(OUT_DIR, `${name}.json`), text);
      console.log(`wrote fixtures/${name}.json`);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  throw lastError;
}

/** Set up before the `containers` snapshot: a podman container with an exec'd process, and a crun one. */
const CONTAINERS: string[] = [
  "lab-seed-images",
  "podman run -d --name web --memory 64m busybox sleep 1000",
  "podman exec -d web sleep 999",
  [
    "mkdir -p /root/demo/rootfs/bin /root/demo/rootfs/proc /root/demo/rootfs/dev /root/demo/rootfs/sys",
    "cd /root/demo && cp /bin/busybox rootfs/bin/",
    "for a in $(busybox --list); do [ $a = busybox ] || ln -sf busybox rootfs/bin/$a; done",
    'crun spec && sed -i \'s/"terminal": true/"terminal": false/; s/"sh"$/"sleep", "1000"/\' config.json',
    "crun run -d demo",
  ].join(" && "),
];

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const guest = await NodeGuest.boot();
  try {
    await snapshot(guest, "boot");
    for (const cmd of SETUP) await exec(guest, cmd);
    // Background jobs need a moment to unshare and exec before they show up as `sleep`.
    await exec(guest, "sleep 1");
    await snapshot(guest, "before");
    for (const cmd of EVENTS) await exec(guest, cmd);
    await exec(guest, "sleep 1");
    await snapshot(guest, "after");
    for (const cmd of CONTAINERS) await exec(guest, cmd);
    await exec(guest, "sleep 1");
    await snapshot(guest, "containers");
  } finally {
    guest.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
