// A chapter's set-up as the app and lessons:check run it: the agent, root, outside the
// student's shell. lab_reset_console must bring the console back to its first prompt from
// wherever the student left it.
import { describe, expect, it } from "vitest";
import { runSetup as runChapterSetup, sh, useGuest } from "./guest.ts";

describe("chapter set-up", () => {
  const guest = useGuest();

  const runSetup = (setup: string, restart: boolean, chapter = "demo-chapter") =>
    runChapterSetup(guest(), chapter, setup, restart);

  it("lab_reset_console ends nested shells and background jobs and leaves the login shell in the console's cgroup", async () => {
    const login = (await sh(guest(), 'echo "$CONSOLE_PID"')).trim();
    await guest().run(
      "mkdir -p /sys/fs/cgroup/setup-test && echo $$ > /sys/fs/cgroup/setup-test/cgroup.procs",
    );
    await guest().run("sleep 1000 &");
    guest().type("unshare --uts --pid --fork bash\n");
    await guest().run("hostname inner");
    expect((await sh(guest(), 'nsenter -t "$CONSOLE_PID" -u hostname')).trim()).toBe("inner");

    const result = await runSetup("lab_reset_console\nrmdir /sys/fs/cgroup/setup-test", true);
    expect(result).toMatchObject({ exit_code: 0, timed_out: false });

    // The console is the login shell again, at a prompt, in the initial namespaces and the console's cgroup.
    const after = await guest().run("hostname; cat /proc/self/cgroup; jobs -r | wc -l");
    expect(after.exitCode).toBe(0);
    expect(after.output.trim().split("\n").slice(-3)).toEqual(["containerlab", "0::/console", "0"]);
    expect((await sh(guest(), 'echo "$CONSOLE_PID"')).trim()).toBe(login);
    expect(await sh(guest(), "grep -lx sleep /proc/[0-9]*/comm || echo none")).toBe("none\n");
  });

  it("replaces a login shell that itself left the start (exec unshare, seccomp, another uid)", async () => {
    const before = (await sh(guest(), 'echo "$CONSOLE_PID"')).trim();
    guest().type("exec unshare --uts bash\n");
    await guest().run("hostname changed");
    expect((await sh(guest(), 'echo "$CONSOLE_PID"')).trim()).toBe(before);
    expect((await runSetup("lab_reset_console", true)).exit_code).toBe(0);
    // init starts a new console shell, in PID 1's namespaces.
    const started = Date.now();
    for (;;) {
      const now = (
        await sh(guest(), 'echo "$CONSOLE_PID"; cat "/proc/$CONSOLE_PID/comm" 2>/dev/null || true')
      ).trim();
      if (!now.startsWith(`${before}\n`) && now.endsWith("\nbash")) break;
      if (Date.now() - started > 30_000) throw new Error(`no new console shell after 30 s (${now})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await guest().run(
      '[ "$(readlink /proc/$$/ns/uts)" = "$(readlink /proc/1/ns/uts)" ] && hostname',
    );
    expect(after.exitCode).toBe(0);
    expect((await sh(guest(), 'echo "$CONSOLE_PID"')).trim()).not.toBe(before);
    expect(await sh(guest(), "hostname")).toBe("containerlab\n");
  });

  it("runs once per chapter on a machine unless restarted, and fails when a command fails", async () => {
    await guest().run("rm -f /tmp/setup-count");
    const count = "echo x >> /tmp/setup-count";
    expect((await runSetup(count, false, "counted")).exit_code).toBe(0);
    expect((await runSetup(count, false, "counted")).exit_code).toBe(0);
    expect(await sh(guest(), "wc -l < /tmp/setup-count")).toBe("1\n");
    expect((await runSetup(count, true, "counted")).exit_code).toBe(0);
    expect(await sh(guest(), "wc -l < /tmp/setup-count")).toBe("2\n");

    const failing = await runSetup("false\necho never > /tmp/setup-never", false, "failing");
    expect(failing.exit_code).not.toBe(0);
    expect(
      await sh(
        guest(),
        "cat /run/container-lab/chapter; test -e /tmp/setup-never && echo ran || echo stopped",
      ),
    ).toBe("counted\nstopped\n");
  });
});
