// Proves a chapter in the real guest: steps in order, in one console, each check failing
// before its step's solution is typed and passing after it. A reading (manual) step types
// its run blocks instead, since later steps may build on them.
import { CHECK_TIMEOUT_MS, wrapCheck } from "../../web/src/lessons/checkScript.ts";
import { commandLines } from "../../web/src/lessons/commandLines.ts";
import type { Lesson, Step } from "../../web/src/lessons/lessonModel.ts";
import type { ExecResult } from "../../web/src/vm/protocol.ts";
import { plainText, typeLine, type LessonGuest } from "./lessonConsole.ts";

export type StepStatus = "pass" | "fail" | "skipped";

export interface StepResult {
  id: string;
  status: StepStatus;
  ms: number;
  /** Why it failed, in one line. */
  message?: string;
  /** Check output and console tail, for the author. */
  detail?: string;
}

export interface ChapterResult {
  id: string;
  steps: number;
  passed: number;
  failed: number;
  ms: number;
  results: StepResult[];
}

class StepFailure extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export async function runChapterInGuest(
  guest: LessonGuest,
  lesson: Lesson,
  onStep: (result: StepResult) => void = () => {},
): Promise<ChapterResult> {
  const started = Date.now();
  const results: StepResult[] = [];
  for (const step of lesson.steps) {
    const stepStarted = Date.now();
    let result: StepResult;
    if (results.some((r) => r.status === "fail")) {
      // The console is in an unknown state after a failure; later verdicts would mislead.
      result = { id: step.id, status: "skipped", ms: 0, message: "an earlier step failed" };
    } else {
      try {
        await proveStep(guest, step);
        result = { id: step.id, status: "pass", ms: Date.now() - stepStarted };
      } catch (error) {
        const failure =
          error instanceof StepFailure
            ? error
            : new StepFailure(error instanceof Error ? error.message : String(error));
        result = {
          id: step.id,
          status: "fail",
          ms: Date.now() - stepStarted,
          message: failure.message,
          ...(failure.detail ? { detail: failure.detail } : {}),
        };
      }
    }
    results.push(result);
    onStep(result);
  }
  return {
    id: lesson.meta.id,
    steps: lesson.steps.length,
    passed: results.filter((r) => r.status === "pass").length,
    failed: results.filter((r) => r.status !== "pass").length,
    ms: Date.now() - started,
    results,
  };
}

async function proveStep(guest: LessonGuest, step: Step): Promise<void> {
  if (!step.check || !step.solution) {
    for (const line of step.runBlocks.flatMap((block) => commandLines(block.code))) {
      const typed = await typeLine(guest, line);
      if (typed.outcome === "finished" && typed.exitCode !== 0) {
        throw new StepFailure(
          `run block line \`${line}\` exited with ${typed.exitCode}`,
          typed.output.trim(),
        );
      }
    }
    return;
  }
  const before = await runCheck(guest, step.check.code);
  if (before.exit_code === 0) {
    throw new StepFailure("the check already passes before the solution ran, so it does not test this step");
  }
  const transcript: string[] = [];
  for (const line of commandLines(step.solution.code)) {
    const typed = await typeLine(guest, line);
    transcript.push(typed.output);
  }
  const after = await checkSettled(guest, step.check.code);
  if (after.exit_code !== 0) {
    const why = after.timed_out
      ? `timed out after ${CHECK_TIMEOUT_MS / 1000} s`
      : `exit ${after.exit_code ?? `signal ${after.signal}`}`;
    const detail = [
      after.stdout.trim() && `check stdout: ${after.stdout.trim()}`,
      after.stderr.trim() && `check stderr: ${after.stderr.trim()}`,
      `console:\n${plainText(transcript.join("")).trim().slice(-800)}`,
    ]
      .filter(Boolean)
      .join("\n");
    throw new StepFailure(`the check fails after the solution ran (${why})`, detail);
  }
}

/**
 * The check after the solution, given a moment to settle: a solution that starts something in
 * the background (`unshare … sleep 1000 &`) has not always exec'd it when the prompt is back, on
 * a busy machine. The app re-checks at every prompt; here a few tries over about 2 s stand in.
 */
const SETTLE_TRIES = 4;
const SETTLE_PAUSE_MS = 500;

async function checkSettled(guest: LessonGuest, script: string): Promise<ExecResult> {
  let result = await runCheck(guest, script);
  for (let i = 1; i < SETTLE_TRIES && result.exit_code !== 0 && !result.timed_out; i++) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_PAUSE_MS));
    result = await runCheck(guest, script);
  }
  return result;
}

function runCheck(guest: LessonGuest, script: string): Promise<ExecResult> {
  return guest.agent.request(
    "exec",
    { cmd: wrapCheck(script), timeout_ms: CHECK_TIMEOUT_MS },
    { timeoutMs: CHECK_TIMEOUT_MS + 5_000 },
  );
}
