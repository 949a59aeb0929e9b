// The machine protects itself from the student: sized RAM file systems answer ENOSPC instead of
// panicking the kernel, and the guest agent sits in a protected cgroup and comes back if killed.
import { describe, expect, it } from "vitest";
import { AgentError } from "../../web/src/vm/protocol.ts";
import { sh, useGuest } from "./guest.ts";

describe("machine limits", () => {
  const guest = useGuest();

  it("gives every writable RAM file system a size", async () => {
    const sizes = await sh(guest(), "df -k / /tmp /run /dev/shm | awk 'NR > 1 {print $6, $2}'");
    expect(sizes.trim().split("\n")).toEqual(["/ 24576", "/tmp 16384", "/run 8192", "/dev/shm 8192"]);
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

  it("runs the agent in its own protected cgroup, out of the OOM killer's reach", async () => {
    const out = await sh(
      guest(),
      "p=$(pidof guest-agent); cat /proc/$p/cgroup /proc/$p/oom_score_adj /sys/fs/cgroup/guest-agent/memory.min /sys/fs/cgroup/guest-agent/cpu.weight",
    );
    expect(out.trim().split("\n")).toEqual(["0::/guest-agent", "-1000", String(12 * 1024 * 1024), "1000"]);
    // The student's shell stays in the root cgroup, as the lessons expect.
    expect((await sh(guest(), "cat /proc/$(pidof bash | awk '{print $NF}')/cgroup")).trim()).toBe("0::/");
    // What it runs is an ordinary process again: killable, in the agent's cgroup.
    expect((await sh(guest(), "cat /proc/self/oom_score_adj")).trim()).toBe("0");
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
