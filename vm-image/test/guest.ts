// Shared set-up for the guest tests: one booted guest per test file, and a shell helper on the agent.
import { afterAll, beforeAll } from "vitest";
import { NodeGuest } from "../../scripts/lib/nodeGuest.ts";
import { SETUP_TIMEOUT_MS, setupScript } from "../../web/src/lessons/chapterSetup.ts";
import type { ExecResult } from "../../web/src/vm/protocol.ts";

export function useGuest(): () => NodeGuest {
  let guest: NodeGuest | undefined;
  beforeAll(async () => {
    guest = await NodeGuest.boot();
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
  return guest.agent.request("exec", { cmd, timeout_ms: timeoutMs }, { timeoutMs: timeoutMs + 5_000 });
}

/** Runs a chapter's set-up as the app and lessons:check do: the agent, root, outside the student's shell. */
export function runSetup(
  guest: NodeGuest,
  chapter: string,
  setup: string,
  restart: boolean,
): Promise<ExecResult> {
  return guest.agent.request(
    "exec",
    { cmd: setupScript(chapter, setup, restart), timeout_ms: SETUP_TIMEOUT_MS },
    { timeoutMs: SETUP_TIMEOUT_MS + 5_000 },
  );
}
