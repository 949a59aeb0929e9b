// The one rule for running a step's checks, used by the lesson pane and by lessons:check alike.
// Each check is a bash script the guest agent runs outside the student's shell (root, initial
// namespaces, no tty; the agent sets CONSOLE_PID to the shell the student is typing into).
// Checks run in order and stop at the first that fails: its message says what is missing.
import type { Check } from "./lessonModel.ts";

/** How long a check may run before it counts as failed. */
export const CHECK_TIMEOUT_MS = 10_000;

/** What a check run reports: the fields of the agent's `exec` result the verdict needs. */
export interface CheckRun {
  exit_code: number | null;
  signal: number | null;
  timed_out: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs one script through the agent with a time limit. Resolves null when the machine cannot
 * run it (not started, restoring); rejecting counts the same.
 */
export type CheckExec = (script: string, timeoutMs: number) => Promise<CheckRun | null>;

export type CheckVerdict =
  | { passed: true }
  | {
      passed: false;
      /** Which check failed first (index into the step's checks). */
      index: number;
      check: Check;
      reason: "failed" | "timed-out" | "not-ready";
      run: CheckRun | null;
      /** Why the check could not run, when the exec said (a host-side timeout, say). */
      error?: string;
    };

export async function runChecks(exec: CheckExec, checks: readonly Check[]): Promise<CheckVerdict> {
  for (const [index, check] of checks.entries()) {
    let error: string | undefined;
    const run = await exec(check.code, CHECK_TIMEOUT_MS).catch((e: unknown) => {
      error = e instanceof Error ? e.message : String(e);
      return null;
    });
    if (run && run.exit_code === 0) continue;
    return {
      passed: false,
      index,
      check,
      reason: !run ? "not-ready" : run.timed_out ? "timed-out" : "failed",
      run,
      ...(error ? { error } : {}),
    };
  }
  return { passed: true };
}

/**
 * The pauses between automatic re-checks after a command: a command that starts something in
 * the background (`unshare … sleep 1000 &`) gives the prompt back before that job has done its
 * part (mounted, exec'd), the more so on a busy machine. About 3.5 s in all.
 */
export const SETTLE_PAUSES_MS: readonly number[] = [500, 1_000, 2_000];

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * runChecks, tried again after each of SETTLE_PAUSES_MS while the checks plainly fail (not on a
 * timeout or a machine that is not ready), until they pass or `stop` says a newer run supersedes.
 */
export async function runChecksSettled(
  exec: CheckExec,
  checks: readonly Check[],
  stop: () => boolean = () => false,
  wait: (ms: number) => Promise<void> = pause,
): Promise<CheckVerdict> {
  let verdict = await runChecks(exec, checks);
  for (const ms of SETTLE_PAUSES_MS) {
    if (verdict.passed || verdict.reason !== "failed" || stop()) break;
    await wait(ms);
    if (stop()) break;
    verdict = await runChecks(exec, checks);
  }
  return verdict;
}

/** One line for an author: why the check did not pass. */
export function describeFailure(verdict: Exclude<CheckVerdict, { passed: true }>): string {
  const { run, reason, index, check } = verdict;
  const which = `check ${index + 1}${check.message ? ` ("${check.message}")` : ""}`;
  if (reason === "not-ready") return `${which} could not run: ${verdict.error ?? "the machine is not ready"}`;
  if (reason === "timed-out") return `${which} timed out after ${CHECK_TIMEOUT_MS / 1000} s`;
  return `${which} exited with ${run?.exit_code ?? `signal ${run?.signal ?? "?"}`}`;
}
