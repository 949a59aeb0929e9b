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

/** Why a machine is not saved: it does not answer, its shell is busy, or it is flooded. */
export type UnhealthyReason = "not-answering" | "command-running" | "too-many-processes";

/**
 * Why the machine should not be saved now, or undefined when it may be. `atPrompt`: the shell
 * drew its prompt since the last save, or is sitting at it now (a save of an idle machine).
 */
export function unhealthyReason(evidence: {
  health: string;
  agentAnswered: boolean;
  atPrompt: boolean;
  tasks?: number;
}): UnhealthyReason | undefined {
  if (evidence.health !== "ok" || !evidence.agentAnswered || evidence.tasks === undefined)
    return "not-answering";
  if (evidence.tasks > MAX_HEALTHY_TASKS) return "too-many-processes";
  if (!evidence.atPrompt) return "command-running";
  return undefined;
}
