// Shared set-up for the guest tests: one guest per test file, and a shell helper on the agent.
import { afterAll, beforeAll } from "vitest";
import { NodeGuest } from "../../scripts/lib/nodeGuest.ts";
import { studentMachine } from "../../scripts/lib/snapshot.ts";
import { SETUP_TIMEOUT_MS, setupScript } from "../../web/src/lessons/chapterSetup.ts";
import { execInGuest } from "../../web/src/vm/agentExec.ts";
import type { ExecResult } from "../../web/src/vm/protocol.ts";

/**
 * The student's machine, restored from the snapshot the build ships (built and cached by the
 * first caller): a cold boot per file cost 6 s and each file that used podman loaded the offline
 * images again. The boot itself is proven where the snapshot is taken (its boot and
 * `lab-seed-images` must succeed) and by the e2e's cold-boot test.
 */
export function useGuest(): () => NodeGuest {
  let guest: NodeGuest | undefined;
  beforeAll(async () => {
    guest = await NodeGuest.restore(await studentMachine());
  });
  afterAll(() => guest?.destroy());
  return () => {
    if (!guest) throw new Error("guest not booted");
    return guest;
  };
}

/** Runs a shell snippet in the guest through the agent; fails the test if it exits non-zero. */
export async function sh(guest: NodeGuest, cmd: string, timeoutMs = 30_000): Promise<string> {
  const result = await shAny(guest, cmd, timeoutMs);
  if (result.exit_code !== 0) {
    throw new Error(
      `guest command failed (${result.exit_code ?? "signal " + result.signal}): ${cmd}\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

/** Like `sh`, but returns whatever happened. */
export function shAny(guest: NodeGuest, cmd: string, timeoutMs = 30_000): Promise<ExecResult> {
  return execInGuest(guest.agent, cmd, timeoutMs);
}

/** Runs a chapter's set-up as the app and lessons:check do: the agent, root, outside the student's shell. */
export function runSetup(
  guest: NodeGuest,
  chapter: string,
  setup: string,
  restart: boolean,
): Promise<ExecResult> {
  return execInGuest(guest.agent, setupScript(chapter, setup, restart), SETUP_TIMEOUT_MS);
}
