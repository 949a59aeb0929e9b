// The machine protects itself from the student: sized RAM file systems answer ENOSPC instead of
// panicking the kernel, and the guest agent sits in a protected cgroup and comes back if killed.
import { describe, expect, it } from "vitest";
import { AgentError } from "../../web/src/vm/protocol.ts";
import { sh, useGuest } from "./guest.ts";

describe("machine limits", () => {
  const guest = useGuest();

  it("gives every writable RAM file system a size", async () => {
    const sizes = await sh(guest(), "df -k / /tmp /run /dev/shm | awk 'NR > 1 {print $6, $2}'");
    expect(sizes.trim().split("\n")).toEqual(["/ 32768", "/tmp 16384", "/run 8192", "/dev/shm 8192"]);
  });

  it("answers a full /tmp and / with ENOSPC, and the space comes back", async () => {
    for (const dir of ["/tmp", "/root"]) {
      const out = await sh(
        guest(),
        `dd if=/dev/zero of=${dir}/fill bs=1M 2>&1 | grep -c 'No space left on device'; rm ${dir}/fill; echo ok > ${dir}/after; cat ${dir}/after; rm ${dir}/after`,
      );
      expect(out.trim().split("\n")).toEqual(["1", "ok"]);
    }
  });

  it("keeps running with every RAM file system full at once", async () => {
    // The sizes add up to 64 of the kernel's 106 MiB: all of them full must still leave the
    // kernel, the agent and a shell enough to go on.
    const dirs = ["/root", "/tmp", "/run", "/dev/shm"];
    const out = await sh(
      guest(),
      `for d in ${dirs.join(" ")}; do dd if=/dev/zero of=$d/fill bs=1M 2>&1 | grep -c 'No space left on device'; done; ` +
        "df -k / /tmp /run /dev/shm | awk 'NR > 1 {print $5}'; bash -c 'echo alive'",
      60_000,
    );
    await sh(guest(), `rm -f ${dirs.map((d) => `${d}/fill`).join(" ")}`);
    expect(out.trim().split("\n")).toEqual(["1", "1", "1", "1", "100%", "100%", "100%", "100%", "alive"]);
    const free = await guest().run("echo ok > /root/after && cat /root/after && rm /root/after");
    expect(free.exitCode).toBe(0);
    expect(free.output).toContain("ok");
  });

  it("runs the agent in its own protected cgroup, out of the OOM killer's reach", async () => {
    const out = await sh(
      guest(),
      "p=$(pidof guest-agent); cat /proc/$p/cgroup /proc/$p/oom_score_adj /sys/fs/cgroup/guest-agent/memory.min /sys/fs/cgroup/guest-agent/cpu.weight",
    );
    expect(out.trim().split("\n")).toEqual(["0::/guest-agent", "-1000", String(12 * 1024 * 1024), "1000"]);
    // What it runs is an ordinary process again: killable, in the agent's cgroup.
    expect((await sh(guest(), "cat /proc/self/oom_score_adj")).trim()).toBe("0");
  });

  it("runs the student's shell in the console's cgroup, where a fork bomb stops and cgroup.kill ends it", async () => {
    const shell = (await sh(guest(), 'echo "$CONSOLE_PID"')).trim();
    expect(
      (await sh(guest(), `cat /proc/${shell}/cgroup /sys/fs/cgroup/console/pids.max`)).trim().split("\n"),
    ).toEqual(["0::/console", "256"]);
    guest().type(":(){ :|:& };:\n");
    // The bomb reaches the limit (the kernel counts the refused forks in pids.events) and stays
    // there; the agent, outside it, goes on answering.
    const reading = async () =>
      (
        await sh(
          guest(),
          "cat /sys/fs/cgroup/console/pids.current; sed -n 's/^max //p' /sys/fs/cgroup/console/pids.events",
        )
      )
        .trim()
        .split("\n")
        .map(Number);
    let [current = 0, refused = 0] = await reading();
    for (let tries = 0; tries < 60 && refused === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      [current = 0, refused = 0] = await reading();
    }
    expect(refused).toBeGreaterThan(0);
    expect(current).toBeGreaterThanOrEqual(128);
    expect(current).toBeLessThanOrEqual(256);
    const from = guest().output.length;
    await sh(guest(), "echo 1 > /sys/fs/cgroup/console/cgroup.kill");
    // init starts a new login shell, in the console's cgroup again, and it answers.
    await guest().waitForOutput(/\]133;A/, 30_000, from);
    const after = await guest().run(
      "cat /proc/$$/cgroup; echo tasks=$(cat /sys/fs/cgroup/console/pids.current)",
    );
    expect(after.exitCode).toBe(0);
    expect(after.output).toContain("0::/console");
    expect(Number(/tasks=(\d+)/.exec(after.output)?.[1])).toBeLessThan(10);
  });

  it("restarts a killed agent, which answers again", async () => {
    const before = (await sh(guest(), "pidof guest-agent")).trim();
    // The kill lands after this request has been answered.
    await sh(guest(), "setsid sh -c 'sleep 0.5; kill -9 $(pidof guest-agent)' >/dev/null 2>&1 </dev/null &");
    await expect(sh(guest(), "sleep 3")).rejects.toBeInstanceOf(AgentError);
    const after = (await sh(guest(), "pidof guest-agent")).trim();
    expect(after).not.toBe(before);
  });
});
