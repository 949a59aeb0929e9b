// Messages between the UI thread (vmHost.ts) and the emulator worker (worker/vmWorker.ts).
import type { AgentErrorCode, AgentRequestType } from "./protocol.ts";
import type { ShellMark } from "./osc133.ts";

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
}

export type BootPhase =
  "idle" | "downloading" | "restoring" | "booting" | "starting-agent" | "ready" | "failed";

/** Why the page booted from scratch instead of restoring the shipped snapshot. */
export type ColdBootReason = "snapshot-missing" | "snapshot-mismatch" | "snapshot-broken";

export type ToWorker =
  | { type: "start"; assets: MachineAssets }
  | { type: "console-input"; data: Uint8Array }
  | { type: "agent-request"; id: number; request: AgentRequestType; params: unknown; timeoutMs: number }
  | { type: "reset" };

export type FromWorker =
  | { type: "phase"; phase: BootPhase }
  | { type: "download"; file: string; loaded: number; total: number }
  | { type: "console-output"; data: Uint8Array }
  | { type: "mark"; mark: ShellMark }
  | { type: "agent-event"; event: string }
  | { type: "agent-response"; id: number; ok: true; result: unknown }
  | { type: "agent-response"; id: number; ok: false; code: AgentErrorCode; message: string }
  | { type: "ready"; mode: "snapshot" | "cold"; coldReason?: ColdBootReason; ms: number }
  | { type: "failed"; message: string };
