import { describe, expect, it } from "vitest";
import { consoleVerdict, readProbe, unhealthyReason } from "./guestHealth.ts";

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

  it("reads the machine's tasks, the console cgroup's pids and podman's images from the probe's files", () => {
    const files = {
      loadavg: "0.52 0.20 0.07 2/61 345\n",
      consolePids: "12\n",
      consolePidsMax: "256\n",
      images: '[{"names":["localhost/lab-busybox:latest"]}]',
    };
    expect(readProbe(files)).toEqual({ tasks: 61, consolePids: { current: 12, max: 256 }, labImages: true });
    // No console cgroup (an older image), or pids.max "max": the task count alone.
    expect(readProbe({ ...files, consolePids: undefined, consolePidsMax: undefined })).toMatchObject({
      tasks: 61,
    });
    expect(readProbe({ ...files, consolePidsMax: "max\n" }).consolePids).toBeUndefined();
    expect(readProbe({ loadavg: "garbage" })).toEqual({});
    // `podman system reset` removes the list, or leaves it without the lab's image.
    expect(readProbe({ ...files, images: undefined }).labImages).toBe(false);
    expect(readProbe({ ...files, images: "[]" }).labImages).toBe(false);
  });

  it("saves only a machine that answered, is at its prompt and is not flooded with processes", () => {
    const healthy = {
      health: "ok",
      agentAnswered: true,
      atPrompt: true,
      reading: { tasks: 60, consolePids: { current: 22, max: 256 } },
      before: { tasks: 60, consolePids: { current: 20, max: 256 } },
    };
    expect(unhealthyReason(healthy)).toBeUndefined();
    expect(unhealthyReason({ ...healthy, health: "unresponsive" })).toBe("not-answering");
    expect(unhealthyReason({ ...healthy, agentAnswered: false })).toBe("not-answering");
    expect(unhealthyReason({ ...healthy, reading: {} })).toBe("not-answering");
    expect(unhealthyReason({ ...healthy, reading: { tasks: 1500 } })).toBe("too-many-processes");
    expect(unhealthyReason({ ...healthy, atPrompt: false })).toBe("command-running");
    // A fork bomb at the console's limit, or on its way there: the agent answers and the bomb's
    // own command came back to the prompt at once.
    const pids = (current: number) => ({ tasks: 300, consolePids: { current, max: 256 } });
    const grew = (before: number, after: number) => ({
      ...healthy,
      before: pids(before),
      reading: pids(after),
    });
    expect(unhealthyReason({ ...healthy, before: undefined, reading: pids(250) })).toBe("console-pids-limit");
    expect(unhealthyReason(grew(3, 17))).toBe("console-pids-limit");
    expect(unhealthyReason(grew(37, 46))).toBe("console-pids-limit");
    // A bomb or not, a shell still running its command says so first.
    expect(unhealthyReason({ ...grew(3, 17), atPrompt: false })).toBe("command-running");
    expect(unhealthyReason(grew(180, 182))).toBeUndefined();
    // Before the capture there is nothing to compare with: a busy cgroup below the limit passes.
    expect(unhealthyReason({ ...healthy, before: undefined, reading: pids(180) })).toBeUndefined();
    // `podman system reset -f` looks healthy and is not: the images `docker run` needs are gone.
    expect(unhealthyReason({ ...healthy, reading: { ...healthy.reading, labImages: false } })).toBe(
      "lab-images-missing",
    );
  });
});
