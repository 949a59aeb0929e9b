// Messages between the UI thread (vmHost.ts) and the emulator worker (worker/vmWorker.ts).
import type { AgentErrorCode, AgentRequestType } from "./protocol.ts";
import type { ShellMark } from "./osc133.ts";
import type { UnhealthyReason } from "./guestHealth.ts";

/** Where the worker fetches the machine from (absolute URLs, resolved against the page). */
export interface MachineAssets {
  wasm: string;
  bios: string;
  vgaBios: string;
  kernel: string;
  initrd: string;
  manifest: string;
  snapshot: string;
  snapshotInfo: string;
  /** The lazily loaded filesystem: fs.json (cold boot only) and the folder of its files. */
  lazyFs: string;
  lazyFiles: string;
}

export type BootPhase =
  "idle" | "downloading" | "restoring" | "booting" | "starting-agent" | "ready" | "failed";

/** Why the page booted from scratch instead of restoring the shipped snapshot. */
export type ColdBootReason = "snapshot-missing" | "snapshot-mismatch" | "snapshot-broken";

/** How the running machine came to be. */
export type StartMode = "snapshot" | "cold" | "resumed";

export type ToWorker =
  | { type: "start"; assets: MachineAssets; resume: boolean }
  | { type: "console-input"; data: Uint8Array }
  /** Drop what is left of a paste (consoleInput.ts). */
  | { type: "console-cancel" }
  /** Try the lazy files that could not be fetched again now. */
  | { type: "lazy-retry" }
  | { type: "agent-request"; id: number; request: AgentRequestType; params: unknown; timeoutMs: number }
  /**
   * Back to the fresh machine, or to the student's last saved one (after a hang: their work
   * survives). `forget` also drops the saved machine.
   */
  | { type: "reset"; to: "fresh" | "saved"; forget: boolean }
  /**
   * Look at the machine, capture it, look again and keep it (saveFlow.ts), in one request:
   * `health` and `atPrompt` are what the page knows of it (the heartbeat, the shell's prompt).
   */
  | { type: "save"; id: number; health: string; atPrompt: boolean }
  | { type: "export"; id: number }
  | { type: "import"; id: number; state: Blob };

export type FromWorker =
  | { type: "phase"; phase: BootPhase }
  | { type: "download"; file: string; loaded: number; total: number }
  | { type: "console-output"; data: Uint8Array }
  | { type: "mark"; mark: ShellMark }
  | { type: "agent-event"; event: string }
  | { type: "agent-response"; id: number; ok: true; result: unknown }
  | { type: "agent-response"; id: number; ok: false; code: AgentErrorCode; message: string }
  | {
      type: "ready";
      mode: StartMode;
      coldReason?: ColdBootReason;
      ms: number;
      /** When the resumed machine was saved. */
      savedAt?: number;
      /** A saved machine existed but could not be restored; the fresh one runs instead. */
      resumeFailed?: boolean;
    }
  | { type: "failed"; message: string }
  /** A lazy guest file could not be fetched (the guest's read waits), or came after all. */
  | { type: "lazy-file"; ok: false; message: string }
  | { type: "lazy-file"; ok: true }
  /** Console input still waiting to go in (a paste); 0 when all of it went in or was dropped. */
  | { type: "console-pending"; pending: number }
  | { type: "saved"; id: number; ok: true; bytes: number; ms: number; savedAt: number }
  | { type: "saved"; id: number; ok: false; quota: boolean; message: string; unhealthy?: UnhealthyReason }
  | { type: "exported"; id: number; ok: true; state: Blob; savedAt: number }
  | { type: "exported"; id: number; ok: false; message: string }
  | { type: "imported"; id: number; ok: boolean; message?: string; tooLarge?: boolean; savedAt?: number };
