// What the guest's own output and counters say about its health: the rules, in one place.
// vmHost feeds them the console and asks before every save.

export type ConsoleVerdict = "panicked" | "stopped";

/**
 * The kernel's last words on the console (pr_emerg, so loglevel=3 lets them through):
 * a panic, or poweroff/halt/reboot (`reboot: Power down`, `System halted`, `Restarting system`).
 */
export function consoleVerdict(tail: string): ConsoleVerdict | undefined {
  if (tail.includes("Kernel panic")) return "panicked";
  // A line of its own (busybox init prints "Requesting system poweroff" just before).
  if (/(^|\n)\r?reboot: (Power down|System halted|Restarting system)\r?\n/.test(tail)) return "stopped";
  return undefined;
}

/**
 * More tasks than this and the machine is not worth saving: a fork bomb (the kernel allows
 * about 1670 in 128 MiB). A busy lab, podman included, stays under 200.
 */
export const MAX_HEALTHY_TASKS = 1000;

/** Reads /proc/loadavg's "running/total" field; undefined when it is not there. */
export function taskCount(loadavg: string): number | undefined {
  const match = /\s\d+\/(\d+)\s/.exec(loadavg);
  return match ? Number(match[1]) : undefined;
}

/** Why the machine should not be saved now, or undefined when it may be. */
export function unhealthyReason(evidence: {
  health: string;
  agentAnswered: boolean;
  promptSeen: boolean;
  tasks?: number;
}): string | undefined {
  if (evidence.health !== "ok") return `the machine is ${evidence.health}`;
  if (!evidence.agentAnswered) return "the machine has not answered since the last save";
  if (!evidence.promptSeen) return "the shell has not come back to its prompt since the last save";
  if (evidence.tasks === undefined) return "the machine did not say how busy it is";
  if (evidence.tasks > MAX_HEALTHY_TASKS) return `the machine is running ${evidence.tasks} processes`;
  return undefined;
}
