// cgroup v2 limits, observed through the files the kernel keeps.
import { describe, expect, it } from "vitest";
import { sh, shAny, useGuest } from "./guest.ts";

const CG = "/sys/fs/cgroup";

function keyed(text: string): Record<string, number> {
  return Object.fromEntries(
    text
      .trim()
      .split("\n")
      .map((line) => line.split(" "))
      .map(([key, value]) => [key, Number(value)]),
  );
}

describe("cgroup v2", () => {
  const guest = useGuest();

  it("has the memory, pids and cpu controllers delegated at the root", async () => {
    const controllers = (await sh(guest(), `cat ${CG}/cgroup.controllers`)).trim().split(" ");
    expect(controllers).toEqual(expect.arrayContaining(["cpu", "memory", "pids"]));
    const enabled = (await sh(guest(), `cat ${CG}/cgroup.subtree_control`)).trim().split(" ");
    expect(enabled).toEqual(expect.arrayContaining(["cpu", "memory", "pids"]));
  });

  it("memory.max makes the OOM killer kill a process that wants more, counted in memory.events", async () => {
    await sh(guest(), `mkdir ${CG}/oomtest && echo 16M > ${CG}/oomtest/memory.max`);
    const run = await shAny(
      guest(),
      `sh -c 'echo $$ > ${CG}/oomtest/cgroup.procs; exec stress --vm 1 --vm-bytes 48M --vm-hang 0 --timeout 20'`,
      60_000,
    );
    expect(run.exit_code).not.toBe(0);
    const events = keyed(await sh(guest(), `cat ${CG}/oomtest/memory.events`));
    expect(events.oom_kill).toBeGreaterThanOrEqual(1);
    expect(events.max).toBeGreaterThanOrEqual(1);
    await shAny(guest(), `rmdir ${CG}/oomtest`);
  });

  it("pids.max stops a fork loop and counts the refusals", async () => {
    await sh(guest(), `mkdir ${CG}/pidtest && echo 5 > ${CG}/pidtest/pids.max`);
    // busybox ash gives up on a failed fork at once, where bash would retry for a while.
    const run = await shAny(
      guest(),
      `busybox sh -c 'echo $$ > ${CG}/pidtest/cgroup.procs; i=0; while [ $i -lt 20 ]; do sleep 3 & i=$((i+1)); done; wait' 2>&1; echo current=$(cat ${CG}/pidtest/pids.current)`,
      30_000,
    );
    expect(run.stdout).toMatch(/can't fork|Resource temporarily unavailable/);
    const current = Number(run.stdout.match(/current=(\d+)/)?.[1]);
    expect(current).toBeGreaterThan(0);
    expect(current).toBeLessThanOrEqual(5);
    const events = keyed(await sh(guest(), `cat ${CG}/pidtest/pids.events`));
    expect(events.max).toBeGreaterThan(0);
    await shAny(guest(), `rmdir ${CG}/pidtest`);
  });

  it("cpu.max throttles a busy loop (cpu.stat nr_throttled grows)", async () => {
    await sh(guest(), `mkdir ${CG}/cputest && echo '10000 100000' > ${CG}/cputest/cpu.max`);
    const before = keyed(await sh(guest(), `cat ${CG}/cputest/cpu.stat`));
    await shAny(
      guest(),
      `sh -c 'echo $$ > ${CG}/cputest/cgroup.procs; timeout 2 busybox sh -c "while :; do :; done"'`,
    );
    const after = keyed(await sh(guest(), `cat ${CG}/cputest/cpu.stat`));
    expect(after.nr_throttled ?? 0).toBeGreaterThan(before.nr_throttled ?? 0);
    expect(after.nr_periods ?? 0).toBeGreaterThan(5);
    // 10% of one CPU for ~2 s: far less than the 2 s a free loop would take.
    expect(after.usage_usec ?? 0).toBeLessThan(1_000_000);
    await shAny(guest(), `rmdir ${CG}/cputest`);
  });
});
