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
 * This many more tasks in the console's cgroup after the capture than before it, with the shell
 * at its prompt, is a fork bomb on its way to the limit: measured, probes 0.2 s apart after one
 * saw +14, +14, +9 on the way from 3 to 256 over 4 s (a save then kept the bomb, in the e2e). An
 * idle shell's cgroup does not grow; a command that does is "command-running" anyway.
 */
export const CONSOLE_PIDS_SURGE = 6;
/** The two readings a save compares are at least this far apart (the capture is usually longer). */
export const PROBE_INTERVAL_MS = 200;

/**
 * Podman's list of images, and the one the lab's offline images are tags of: `podman system
 * reset -f` empties the list, and `docker run alpine` then asks a registry the lab cannot reach.
 */
const LAB_IMAGES_INDEX = "/var/lib/containers/storage/overlay-images/images.json";
const LAB_IMAGE = "localhost/lab-busybox:latest";
/** Puts the lab's offline images back (idempotent; the snapshot build ran it first). */
export const RESTORE_LAB_IMAGES = "lab-seed-images";

/**
 * The files the save's health probe reads, by the agent's `read_file`: it starts no process, so
 * nothing of it shows in `ps` or the panels (a `sleep` it once ran was found by a lesson's
 * `nsenter -t $(pidof sleep)` after an autosave), and it costs no shell start in the emulator.
 */
export const PROBE_FILES = {
  loadavg: "/proc/loadavg",
  consolePids: "/sys/fs/cgroup/console/pids.current",
  consolePidsMax: "/sys/fs/cgroup/console/pids.max",
  images: LAB_IMAGES_INDEX,
} as const;

/** What the probe read: each file's text, or undefined when it could not be read. */
export type ProbeFiles = { -readonly [K in keyof typeof PROBE_FILES]?: string };

/** The console cgroup's tasks and its pids.max. */
export interface ConsolePids {
  current: number;
  max: number;
}

export interface ProbeReading {
  /** All tasks on the machine (loadavg's "running/total"); undefined when unreadable. */
  tasks?: number;
  /** When the console cgroup has them (not on an older image, nor with pids.max "max"). */
  consolePids?: ConsolePids;
  /** Whether podman has the lab's offline images; undefined when the probe did not say. */
  labImages?: boolean;
}

const count = (text: string | undefined) =>
  text !== undefined && /^\d+\n?$/.test(text) ? Number(text) : undefined;

/** Reads what the probe's files say. A missing image list is podman's store after a reset. */
export function readProbe(files: ProbeFiles): ProbeReading {
  const match = /\s\d+\/(\d+)\s/.exec(`${files.loadavg ?? ""}\n`);
  const reading: ProbeReading = match ? { tasks: Number(match[1]) } : {};
  const current = count(files.consolePids);
  const max = count(files.consolePidsMax);
  if (current !== undefined && max !== undefined) reading.consolePids = { current, max };
  if (match) reading.labImages = (files.images ?? "").includes(LAB_IMAGE);
  return reading;
}

/** A fork bomb in the console's cgroup: at its limit, or (since the reading before) racing towards it. */
function consoleFlooded({ current, max }: ConsolePids, before?: ConsolePids): boolean {
  return (
    current >= max * CONSOLE_PIDS_FLOODED ||
    (before !== undefined && current - before.current >= CONSOLE_PIDS_SURGE)
  );
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
  /** The reading taken before the capture, when this one is taken after it. */
  before?: ProbeReading;
}): UnhealthyReason | undefined {
  const { tasks, consolePids } = evidence.reading;
  if (evidence.health !== "ok" || !evidence.agentAnswered || tasks === undefined) return "not-answering";
  if (tasks > MAX_HEALTHY_TASKS) return "too-many-processes";
  if (!evidence.atPrompt) return "command-running";
  // A fork bomb's own command returns to the prompt at once, while the bomb goes on.
  if (consolePids && consoleFlooded(consolePids, evidence.before?.consolePids)) return "console-pids-limit";
  // A machine without the lab's images looks healthy and is not: the saver puts them back first.
  if (evidence.reading.labImages === false) return "lab-images-missing";
  return undefined;
}
