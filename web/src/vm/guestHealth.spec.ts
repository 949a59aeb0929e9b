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

  it("reads the machine's tasks and the console cgroup's pids from the probe", () => {
    expect(readProbe("0.52 0.20 0.07 2/61 345\n12\n256\n13\n")).toEqual({
      tasks: 61,
      consolePids: { current: 12, max: 256, later: 13 },
    });
    // No console cgroup (an older image), or pids.max "max": the task count alone.
    expect(readProbe("0.52 0.20 0.07 2/61 345\n")).toEqual({ tasks: 61 });
    expect(readProbe("0.52 0.20 0.07 2/61 345\n12\nmax\n")).toEqual({ tasks: 61 });
    expect(readProbe("0.52 0.20 0.07 2/61 345\n12\n256\n")).toEqual({ tasks: 61 });
    expect(readProbe("garbage")).toEqual({});
    // Last, whether podman still has the lab's images.
    expect(readProbe("0.52 0.20 0.07 2/61 345\n12\n256\n13\nlab-images\n")).toEqual({
      tasks: 61,
      consolePids: { current: 12, max: 256, later: 13 },
      labImages: true,
    });
    expect(readProbe("0.52 0.20 0.07 2/61 345\nno-lab-images\n")).toEqual({ tasks: 61, labImages: false });
  });

  it("saves only a machine that answered, is at its prompt and is not flooded with processes", () => {
    const healthy = {
      health: "ok",
      agentAnswered: true,
      atPrompt: true,
      reading: { tasks: 60, consolePids: { current: 20, max: 256, later: 22 } },
    };
    expect(unhealthyReason(healthy)).toBeUndefined();
    expect(unhealthyReason({ ...healthy, health: "unresponsive" })).toBe("not-answering");
    expect(unhealthyReason({ ...healthy, agentAnswered: false })).toBe("not-answering");
    expect(unhealthyReason({ ...healthy, reading: {} })).toBe("not-answering");
    expect(unhealthyReason({ ...healthy, reading: { tasks: 1500 } })).toBe("too-many-processes");
    expect(unhealthyReason({ ...healthy, atPrompt: false })).toBe("command-running");
    // A fork bomb at the console's limit, or on its way there: the agent answers and the bomb's
    // own command came back to the prompt at once.
    const pids = (current: number, later: number) => ({
      tasks: 300,
      consolePids: { current, max: 256, later },
    });
    expect(unhealthyReason({ ...healthy, reading: pids(249, 250) })).toBe("console-pids-limit");
    expect(unhealthyReason({ ...healthy, reading: pids(3, 17) })).toBe("console-pids-limit");
    expect(unhealthyReason({ ...healthy, reading: pids(37, 46) })).toBe("console-pids-limit");
    // A bomb or not, a shell still running its command says so first.
    expect(unhealthyReason({ ...healthy, atPrompt: false, reading: pids(3, 17) })).toBe("command-running");
    expect(unhealthyReason({ ...healthy, reading: pids(180, 182) })).toBeUndefined();
    // `podman system reset -f` looks healthy and is not: the images `docker run` needs are gone.
    expect(unhealthyReason({ ...healthy, reading: { ...healthy.reading, labImages: false } })).toBe(
      "lab-images-missing",
    );
  });
});
