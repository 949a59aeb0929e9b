// What the UI knows about the machine: boot progress, health, and the shell's last command.
import { create } from "zustand";
import type { BootPhase, ColdBootReason, StartMode } from "./workerMessages.ts";

export interface DownloadProgress {
  loaded: number;
  total: number;
}

/** "stopped": the guest was shut down from inside (poweroff, halt, reboot). */
export type MachineHealth = "ok" | "unresponsive" | "panicked" | "stopped";

export interface CommandRecord {
  exitCode: number;
  /** Counts finished commands, so two identical results are still two events. */
  seq: number;
  at: number;
}

export interface VmState {
  phase: BootPhase;
  mode?: StartMode;
  /** When the resumed machine had been saved. */
  savedAt?: number;
  /** The student's saved machine could not be restored (the fresh one runs instead). */
  resumeFailed?: boolean;
  coldReason?: ColdBootReason;
  bootMs?: number;
  downloads: Record<string, DownloadProgress>;
  error?: string;
  health: MachineHealth;
  commandRunning: boolean;
  /** The shell has drawn its prompt since the machine (re)started: the student can type. */
  promptShown: boolean;
  lastCommand?: CommandRecord;
  /** Bumped on every machine reset, so views can clear what they showed of the old machine. */
  generation: number;
  /**
   * A file of the lazy filesystem could not be fetched (why: "offline", or the error): the
   * command reading it waits until it comes. Absent when none is missing.
   */
  lazyFailure?: string;
  /** A paste going into the console: bytes still waiting of how many; absent when none is. */
  paste?: { pending: number; total: number };
}

export const useVmStore = create<VmState>()(() => ({
  phase: "idle",
  downloads: {},
  health: "ok",
  commandRunning: false,
  promptShown: false,
  generation: 0,
}));

export function downloadedBytes(downloads: Record<string, DownloadProgress>): {
  loaded: number;
  total: number;
} {
  let loaded = 0;
  let total = 0;
  for (const progress of Object.values(downloads)) {
    loaded += progress.loaded;
    total += progress.total;
  }
  return { loaded, total };
}
