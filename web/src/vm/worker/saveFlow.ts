// A save, decided and done in the worker in one request from the page: look at the machine,
// capture it, look again, and keep the capture only if both looks say it is worth keeping.
// (The page used to drive this in four round trips, with the save's state in three places.)
import {
  PROBE_INTERVAL_MS,
  unhealthyReason,
  type ProbeReading,
  type UnhealthyReason,
} from "../guestHealth.ts";

export interface SaveSteps {
  /** The guest's counters, or undefined when the agent did not answer. */
  probe(): Promise<ProbeReading | undefined>;
  /** Puts the lab's offline images back (after `podman system reset`). */
  restoreImages(): Promise<void>;
  /** The machine's state, compressed. */
  capture(): Promise<Blob>;
  /** Writes the state as the student's saved machine. */
  keep(state: Blob, savedAt: number): Promise<void>;
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** What the page knows and the worker does not: the heartbeat's verdict and the shell's prompt. */
export interface SaveEvidence {
  health: string;
  atPrompt: boolean;
}

export type SaveOutcome =
  | { ok: true; bytes: number; ms: number; savedAt: number }
  | { ok: false; unhealthy: UnhealthyReason }
  | { ok: false; error: unknown };

export async function saveIfHealthy(steps: SaveSteps, evidence: SaveEvidence): Promise<SaveOutcome> {
  const began = steps.now();
  const look = async (before?: ProbeReading) => {
    const reading = await steps.probe();
    const verdict = unhealthyReason({
      ...evidence,
      // After the capture the shell's prompt does not matter: a command started since is not in it.
      atPrompt: before ? true : evidence.atPrompt,
      agentAnswered: reading !== undefined,
      reading: reading ?? {},
      before,
    });
    return { reading, verdict };
  };
  let first = await look();
  if (first.verdict === "lab-images-missing") {
    await steps.restoreImages().catch(() => undefined);
    first = await look();
  }
  if (first.verdict || !first.reading) return { ok: false, unhealthy: first.verdict ?? "not-answering" };
  const lookedAt = steps.now();
  try {
    const state = await steps.capture();
    const savedAt = Date.now();
    // A fork bomb started a moment before the capture is in it: look again, far enough apart
    // for its growth to show, before the state replaces the last good save.
    await steps.sleep(Math.max(0, lookedAt + PROBE_INTERVAL_MS - steps.now()));
    const second = await look(first.reading);
    if (second.verdict) return { ok: false, unhealthy: second.verdict };
    await steps.keep(state, savedAt);
    return { ok: true, bytes: state.size, ms: steps.now() - began, savedAt };
  } catch (error) {
    return { ok: false, error };
  }
}
