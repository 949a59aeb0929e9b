// The student's console: a bash prompt whose OSC 133 marks tell the host how each command ended.
import { describe, expect, it } from "vitest";
import { sh, useGuest } from "./guest.ts";

describe("console shell", () => {
  const guest = useGuest();

  it("is bash as root on an i686 kernel", async () => {
    const run = await guest().run("echo $0 $(id -u) $(uname -m)");
    expect(run.exitCode).toBe(0);
    expect(run.output.trim().split("\n").pop()).toBe("/bin/bash 0 i686");
  });

  it("end marks carry each command's exit status", async () => {
    expect((await guest().run("true")).exitCode).toBe(0);
    expect((await guest().run("false")).exitCode).toBe(1);
    expect((await guest().run("sh -c 'exit 42'")).exitCode).toBe(42);
    expect((await guest().run("no-such-command")).exitCode).toBe(127);
  });

  it("an empty command line reports no command", async () => {
    const start = guest().markCount;
    guest().type("\n");
    await guest().run("true");
    const kinds = guest()
      .marksSince(start)
      .map((m) => m.kind);
    // Empty Enter: a new prompt only. Then `true`: output, finished, prompt.
    expect(kinds.filter((k) => k === "finished")).toHaveLength(1);
  });

  it("a nested shell started by unshare has the marks too", async () => {
    guest().type("unshare --uts bash\n");
    await guest().run("hostname nested");
    const inner = await guest().run("hostname");
    expect(inner.output.trim()).toBe("nested");
    // Lesson checks see the student's innermost shell through CONSOLE_PID.
    expect(await sh(guest(), 'nsenter -t "$CONSOLE_PID" -u hostname')).toBe("nested\n");
    expect(await sh(guest(), "cat /proc/$CONSOLE_PID/comm")).toBe("bash\n");
    const exit = await guest().run("exit 3");
    expect(exit.exitCode).toBe(3);
    expect((await guest().run("hostname")).output.trim()).toBe("containerlab");
  });
});
