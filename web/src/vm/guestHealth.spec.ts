import { describe, expect, it } from "vitest";
import { consoleVerdict, taskCount, unhealthyReason } from "./guestHealth.ts";

describe("guest health", () => {
  it("reads the kernel's panic and shutdown messages from the console", () => {
    expect(consoleVerdict("[  9.1] Kernel panic - not syncing: Attempted to kill init!")).toBe("panicked");
    // As the guest prints it: busybox init, then the kernel (no timestamp on the console).
    const poweroff =
      "\rThe system is going down NOW!\r\n\rSent SIGKILL to all processes\r\n" +
      "\rRequesting system poweroff\r\nreboot: System halted\r\n";
    expect(consoleVerdict(poweroff)).toBe("stopped");
    expect(consoleVerdict("\r\nreboot: Power down\r\n")).toBe("stopped");
    expect(consoleVerdict("\r\nreboot: Restarting system\r\n")).toBe("stopped");
    expect(consoleVerdict("root@containerlab:~# man reboot: Power down is not a line\r\n")).toBeUndefined();
  });

  it("counts the tasks in /proc/loadavg", () => {
    expect(taskCount("0.52 0.20 0.07 2/61 345\n")).toBe(61);
    expect(taskCount("garbage")).toBeUndefined();
  });

  it("saves only a machine that answered, is at its prompt and is not flooded with processes", () => {
    const healthy = { health: "ok", agentAnswered: true, atPrompt: true, tasks: 60 };
    expect(unhealthyReason(healthy)).toBeUndefined();
    expect(unhealthyReason({ ...healthy, health: "unresponsive" })).toBe("not-answering");
    expect(unhealthyReason({ ...healthy, agentAnswered: false })).toBe("not-answering");
    expect(unhealthyReason({ ...healthy, tasks: undefined })).toBe("not-answering");
    expect(unhealthyReason({ ...healthy, tasks: 1500 })).toBe("too-many-processes");
    expect(unhealthyReason({ ...healthy, atPrompt: false })).toBe("command-running");
  });
});
