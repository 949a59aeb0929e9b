// One rule for running a command through the guest agent, for the page (vmHost) and for Node
// (the guest tests, lessons:check, the snapshot build): the agent enforces the command's own
// time limit and answers `timed_out`; the host waits that long plus a margin for the answer.
import type { AgentRequests } from "./protocol.ts";

/**
 * How much longer than a command's own limit the host waits for the agent's answer before it
 * calls the machine silent. The agent answers at once when it kills a command, but an emulated
 * machine on a busy host falls behind: with 5 s, a lesson check that the guest had stopped at
 * its 10 s limit was reported "not ready" under load. A hung machine is the heartbeat's to find.
 */
export const EXEC_ANSWER_MARGIN_MS = 30_000;

/** The part of AgentClient and VmHost that sends a request. */
export interface AgentRequester {
  request<T extends keyof AgentRequests>(
    type: T,
    params: AgentRequests[T]["params"],
    options?: { timeoutMs?: number },
  ): Promise<AgentRequests[T]["result"]>;
}

/** Runs `cmd` with bash in the guest, stopped there after `timeoutMs`. */
export function execInGuest(
  agent: AgentRequester,
  cmd: string,
  timeoutMs: number,
): Promise<AgentRequests["exec"]["result"]> {
  return agent.request(
    "exec",
    { cmd, timeout_ms: timeoutMs },
    { timeoutMs: timeoutMs + EXEC_ANSWER_MARGIN_MS },
  );
}
