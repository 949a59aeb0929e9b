// The guest agent: snapshot contents, errors for bad requests, and no interference with the console.
import { describe, expect, it } from "vitest";
import { probeGuest } from "../../web/src/vm/healthProbe.ts";
import { AgentError, snapshotSchema } from "../../web/src/vm/protocol.ts";
import { sh, useGuest } from "./guest.ts";

describe("guest agent", () => {
  const guest = useGuest();

  it("snapshot shows the namespaces and cgroups a test created", async () => {
    await sh(
      guest(),
      "mkdir -p /sys/fs/cgroup/snaptest && echo 20M > /sys/fs/cgroup/snaptest/memory.max && " +
        "setsid sh -c 'echo $$ > /sys/fs/cgroup/snaptest/cgroup.procs; exec unshare --uts --pid --fork --mount-proc sleep 1000' >/dev/null 2>&1 < /dev/null &",
    );
    // Until the sleeper runs in the cgroup (unshare forks it), at most 20 s of guest time.
    await sh(
      guest(),
      `for i in $(seq 200); do
         for p in $(cat /sys/fs/cgroup/snaptest/cgroup.procs); do
           [ "$(tr '\\0' ' ' < /proc/$p/cmdline 2>/dev/null)" = "sleep 1000 " ] && exit 0
         done
         sleep 0.1
       done
       echo "no sleep 1000 in /snaptest: $(cat /sys/fs/cgroup/snaptest/cgroup.procs)" >&2; exit 1`,
    );
    const raw = await guest().agent.request("snapshot", {});
    const snapshot = snapshotSchema.parse(raw);
    const init = snapshot.processes.find((p) => p.pid === 1);
    const sleeper = snapshot.processes.find(
      (p) => p.comm === "sleep" && p.cmdline.join(" ") === "sleep 1000",
    );
    expect(init).toBeDefined();
    expect(sleeper).toBeDefined();
    if (!init || !sleeper) return;
    // Seen from the host and from inside its own PID namespace, where it is PID 1.
    expect(sleeper.nspid).toEqual([sleeper.pid, 1]);
    expect(sleeper.ns.uts).not.toBe(init.ns.uts);
    expect(sleeper.ns.pid).not.toBe(init.ns.pid);
    expect(sleeper.ns.mnt).not.toBe(init.ns.mnt);
    expect(sleeper.ns.net).toBe(init.ns.net);
    expect(sleeper.cgroup).toBe("/snaptest");
    const cgroup = snapshot.cgroups.find((c) => c.path === "/snaptest");
    expect(cgroup?.procs).toContain(sleeper.pid);
    expect(cgroup?.memory?.max).toBe(20 * 1024 * 1024);
    const uts = snapshot.namespaces.find((n) => n.type === "uts" && n.inode === sleeper.ns.uts);
    expect(uts?.pids).toContain(sleeper.pid);
    expect(uts?.owner_user).toBe(init.ns.user);
    const pidns = snapshot.namespaces.find((n) => n.type === "pid" && n.inode === sleeper.ns.pid);
    expect(pidns?.parent).toBe(init.ns.pid);
    const mounts = snapshot.mount_namespaces.find((m) => m.inode === sleeper.ns.mnt);
    expect(mounts?.mounts.some((m) => m.mount_point === "/proc" && m.fs_type === "proc")).toBe(true);
    expect(snapshot.cgroups.find((c) => c.path === "/")?.controllers).toEqual(
      expect.arrayContaining(["cpu", "memory", "pids"]),
    );
    // A PID namespace's init ignores signals it has no handler for, unless they are SIGKILL.
    await sh(guest(), `kill -KILL ${sleeper.pid}; sleep 0.3; rmdir /sys/fs/cgroup/snaptest`);
  });

  it("health probe: reads the console's cgroup and the machine's tasks, and starts no process", async () => {
    // The worker runs it before and after every save's capture; a `sleep` of an earlier probe was
    // found by a lesson's `nsenter -t $(pidof sleep)` right after an autosave.
    const lastPid = async () => Number((await sh(guest(), "cat /proc/loadavg")).trim().split(" ").pop());
    const before = await lastPid();
    const reading = await probeGuest(guest().agent, 10_000);
    // The next `cat` is the next process: the probe forked none.
    expect(await lastPid()).toBe(before + 1);
    expect(reading?.tasks).toBeGreaterThan(10);
    expect(reading?.consolePids).toMatchObject({ max: 256 });
    expect(reading?.consolePids?.current).toBeGreaterThan(0);
    expect(reading?.labImages).toBe(true);
  });

  it("answers bad requests with errors and keeps serving", async () => {
    const agent = guest().agent;
    await expect(agent.request("read_file", { path: "/no/such/file" })).rejects.toMatchObject({
      code: "not_found",
    });
    // A type it does not know, through the typed client's back door.
    const unknown = agent.request("nonsense" as "ping", {} as Record<string, never>);
    await expect(unknown).rejects.toBeInstanceOf(AgentError);
    await expect(unknown).rejects.toMatchObject({ code: "unknown_type" });
    expect((await agent.request("ping", {})).uptime_ms).toBeGreaterThan(0);
  });

  it("writes and reads files, and refuses to overwrite a file changed meanwhile", async () => {
    const agent = guest().agent;
    const written = await agent.request("write_file", {
      path: "/root/note.txt",
      content: "héllo\n",
      encoding: "utf8",
    });
    const read = await agent.request("read_file", { path: "/root/note.txt" });
    expect(read).toMatchObject({ content: "héllo\n", encoding: "utf8", size: 7 });
    await sh(guest(), "sleep 0.01; echo changed > /root/note.txt");
    await expect(
      agent.request("write_file", {
        path: "/root/note.txt",
        content: "mine",
        encoding: "utf8",
        expect_mtime_ns: written.mtime_ns,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await sh(guest(), "cat /root/note.txt")).toBe("changed\n");
  });

  it("kills an exec that runs past its timeout", async () => {
    const result = await guest().agent.request("exec", { cmd: "sleep 30", timeout_ms: 500 });
    expect(result.timed_out).toBe(true);
    expect(await sh(guest(), "ps -o args | grep -c '^sleep 30$' || true")).toBe("0\n");
  });

  it("does not disturb the console shell", async () => {
    const before = guest().output.length;
    await sh(guest(), "echo from-agent");
    const run = await guest().run("echo from-console");
    expect(run.exitCode).toBe(0);
    expect(run.output).toContain("from-console");
    expect(guest().output.slice(before)).not.toContain("from-agent");
  });
});
