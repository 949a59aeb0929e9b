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
 * More tasks than this and the machine is not worth saving: a fork bomb outside the console's
 * cgroup (the kernel allows about 1670 in 128 MiB). A busy lab, podman included, stays under 200.
 */
export const MAX_HEALTHY_TASKS = 1000;

/**
 * The console's cgroup this close to its pids.max (256) is a fork bomb stopped at the limit: the
 * machine answers, but a save would bring the bomb back. A lesson's work stays far below it.
 */
export const CONSOLE_PIDS_FLOODED = 0.9;

/**
 * This many more tasks in the console's cgroup 0.2 s later, with the shell at its prompt, is a
 * fork bomb on its way to the limit: measured, the first probes after one saw +14, +14, +9 on
 * the way from 3 to 256 over 4 s (a save then kept the bomb, in the e2e). An idle shell's
 * cgroup does not grow; a command that does is "command-running" anyway.
 */
export const CONSOLE_PIDS_SURGE = 6;

/**
 * Podman's list of images, and the one the lab's offline images are tags of: `podman system
 * reset -f` empties the list, and `docker run alpine` then asks a registry the lab cannot reach.
 */
const LAB_IMAGES_INDEX = "/var/lib/containers/storage/overlay-images/images.json";
const LAB_IMAGE = "localhost/lab-busybox:latest";
const IMAGES_PRESENT = "lab-images";
const IMAGES_GONE = "no-lab-images";
/** Puts the lab's offline images back (idempotent; the snapshot build ran it first). */
export const RESTORE_LAB_IMAGES = "lab-seed-images";

/**
 * What the agent's health probe prints: /proc/loadavg, then the console cgroup's pids.current
 * and pids.max, and pids.current again 0.2 s later. Bash builtins only, so the probe starts no
 * program the student could see: its `sleep 0.2` was found by a lesson's
 * `nsenter -t $(pidof sleep)` after an autosave and broke it. The pause is `read` timing out on
 * a pipe nobody writes to (the process substitution's subshell runs `:` and is gone at once).
 * Last, whether podman still has the lab's images (read from its image list, not by podman).
 */
export const HEALTH_PROBE =
  'read -r l < /proc/loadavg && echo "$l"; c=/sys/fs/cgroup/console; ' +
  "if read -r n 2>/dev/null < $c/pids.current && read -r m 2>/dev/null < $c/pids.max; then " +
  'echo "$n"; echo "$m"; read -r -t 0.2 <> <(:); read -r n < $c/pids.current && echo "$n"; fi; ' +
  `s=; read -r -d "" s 2>/dev/null < ${LAB_IMAGES_INDEX}; [[ $s == *${LAB_IMAGE}* ]] && echo ${IMAGES_PRESENT} || echo ${IMAGES_GONE}; true`;

/** The console cgroup's tasks, its pids.max, and its tasks again 0.2 s later. */
export interface ConsolePids {
  current: number;
  max: number;
  later: number;
}

export interface ProbeReading {
  /** All tasks on the machine (loadavg's "running/total"); undefined when unreadable. */
  tasks?: number;
  /** When the console cgroup has them (not on an older image, nor with pids.max "max"). */
  consolePids?: ConsolePids;
  /** Whether podman has the lab's offline images; undefined when the probe did not say. */
  labImages?: boolean;
}

/** Reads the output of HEALTH_PROBE. */
export function readProbe(stdout: string): ProbeReading {
  const lines = stdout.split("\n");
  const images = lines.findIndex((line) => line === IMAGES_PRESENT || line === IMAGES_GONE);
  const [loadavg = "", ...pids] = images >= 0 ? lines.slice(0, images) : lines;
  const match = /\s\d+\/(\d+)\s/.exec(`${loadavg}\n`);
  const reading: ProbeReading = match ? { tasks: Number(match[1]) } : {};
  if (images >= 0) reading.labImages = lines[images] === IMAGES_PRESENT;
  const numbers = pids.slice(0, 3);
  if (numbers.length === 3 && numbers.every((line) => /^\d+$/.test(line))) {
    const [current, max, later] = numbers.map(Number) as [number, number, number];
    reading.consolePids = { current, max, later };
  }
  return reading;
}

/** A fork bomb in the console's cgroup: at its limit, or racing towards it. */
function consoleFlooded({ current, max, later }: ConsolePids): boolean {
  return Math.max(current, later) >= max * CONSOLE_PIDS_FLOODED || later - current >= CONSOLE_PIDS_SURGE;
}

/**
 * Why a machine is not saved: it does not answer, its shell is busy, it is flooded, the
 * console's processes are at their limit, or podman lost the lab's images.
 */
export type UnhealthyReason =
  "not-answering" | "command-running" | "too-many-processes" | "console-pids-limit" | "lab-images-missing";

/**
 * Why the machine should not be saved now, or undefined when it may be. `atPrompt`: the shell
 * drew its prompt since the last save, or is sitting at it now (a save of an idle machine).
 */
export function unhealthyReason(evidence: {
  health: string;
  agentAnswered: boolean;
  atPrompt: boolean;
  reading: ProbeReading;
}): UnhealthyReason | undefined {
  const { tasks, consolePids } = evidence.reading;
  if (evidence.health !== "ok" || !evidence.agentAnswered || tasks === undefined) return "not-answering";
  if (tasks > MAX_HEALTHY_TASKS) return "too-many-processes";
  if (!evidence.atPrompt) return "command-running";
  // A fork bomb's own command returns to the prompt at once, while the bomb goes on.
  if (consolePids && consoleFlooded(consolePids)) return "console-pids-limit";
  // A machine without the lab's images looks healthy and is not: the saver puts them back first.
  if (evidence.reading.labImages === false) return "lab-images-missing";
  return undefined;
}
