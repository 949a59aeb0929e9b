// Proves a chapter in the real guest: its set-up first, then the steps in order, in one
// console, each step's checks failing before its solution is typed and passing after it. A
// reading or quiz step types its run blocks instead, since later steps may build on them.
// As printed (`typing: "as-printed"`), a checked step with run blocks types those instead of its
// solution, as a student reading the lesson would: the checks must pass after them too, and no
// printed command may be one the shell does not find. The checks run through the same runChecks as in
// the app.
import { placeChapterFiles, type ChapterFile } from "../../web/src/lessons/chapterFiles.ts";
import { SETUP_TIMEOUT_MS, setupScript } from "../../web/src/lessons/chapterSetup.ts";
import { commandLines } from "../../web/src/lessons/commandLines.ts";
import { stepCompletion, type Lesson, type Step } from "../../web/src/lessons/lessonModel.ts";
import {
  describeFailure,
  runChecks,
  runChecksSettled,
  type CheckExec,
} from "../../web/src/lessons/runChecks.ts";
import { execInGuest } from "../../web/src/vm/agentExec.ts";
import { isCommandNotFound, plainText, typeLine, type LessonGuest } from "./lessonConsole.ts";

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

/** Where a chapter's run began: a fresh machine, or the end state of the chapter before it. */
export type ChapterStart = "fresh" | `after ${string}`;

export interface ChapterResult {
  id: string;
  start?: ChapterStart;
  typing?: Typing;
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

/** A chapter's `files/`, and how to read each from the course folder. */
export interface ChapterPayload {
  files: readonly ChapterFile[];
  read(file: ChapterFile): Promise<Uint8Array>;
}

/** What a checked step types: its hidden solution, or the run blocks the lesson prints. */
export type Typing = "solutions" | "as-printed";

export async function runChapterInGuest(
  guest: LessonGuest,
  lesson: Lesson,
  onStep: (result: StepResult) => void = () => {},
  payload: ChapterPayload = { files: [], read: () => Promise.reject(new Error("no files")) },
  typing: Typing = "solutions",
): Promise<ChapterResult> {
  const started = Date.now();
  const results: StepResult[] = [];
  // As in the app: the files first, then the set-up (an empty one when there are only files).
  const placed = await placeChapterFiles(lesson.meta.id, payload.files, {
    exec: async (script) => (await execInGuest(guest.agent, script, SETUP_TIMEOUT_MS)).exit_code === 0,
    write: async (path, content, mode) => {
      try {
        await guest.agent.request(
          "write_file",
          { path, content, encoding: "base64", mode },
          { timeoutMs: SETUP_TIMEOUT_MS },
        );
        return true;
      } catch {
        return false;
      }
    },
    read: payload.read,
  });
  const setup = lesson.meta.setup ?? (payload.files.length > 0 ? "true" : undefined);
  const setupFailure = placed
    ? { message: `the chapter's files could not be placed: ${placed}` }
    : setup
      ? await runSetup(guest, lesson.meta.id, setup)
      : null;
  if (setupFailure) {
    const result: StepResult = { id: "(setup)", status: "fail", ms: Date.now() - started, ...setupFailure };
    results.push(result);
    onStep(result);
  }
  for (const step of lesson.steps) {
    const stepStarted = Date.now();
    let result: StepResult;
    if (results.some((r) => r.status === "fail")) {
      // The console is in an unknown state after a failure; later verdicts would mislead.
      result = { id: step.id, status: "skipped", ms: 0, message: "an earlier step failed" };
    } else {
      try {
        await proveStep(guest, step, typing);
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
    steps: results.length,
    passed: results.filter((r) => r.status === "pass").length,
    failed: results.filter((r) => r.status !== "pass").length,
    ms: Date.now() - started,
    results,
  };
}

/** The chapter's `setup:` as the app runs it on "Restart this chapter"; a failure says why. */
async function runSetup(
  guest: LessonGuest,
  chapterId: string,
  setup: string,
): Promise<{ message: string; detail?: string } | null> {
  const result = await execInGuest(guest.agent, setupScript(chapterId, setup, true), SETUP_TIMEOUT_MS);
  if (result.exit_code === 0) return null;
  const detail = [
    result.stdout.trim() && `stdout: ${result.stdout.trim()}`,
    result.stderr.trim() && `stderr: ${result.stderr.trim()}`,
  ]
    .filter(Boolean)
    .join("\n");
  return {
    message: result.timed_out
      ? `the chapter's setup timed out after ${SETUP_TIMEOUT_MS / 1000} s`
      : `the chapter's setup exited with ${result.exit_code ?? `signal ${result.signal}`}`,
    ...(detail ? { detail } : {}),
  };
}

/** The command lines of a step's run blocks, in order: what the lesson shows the student. */
function printedLines(step: Step): string[] {
  return step.runBlocks.flatMap((block) => commandLines(block.code));
}

async function proveStep(guest: LessonGuest, step: Step, typing: Typing): Promise<void> {
  if (stepCompletion(step) !== "checks" || !step.solution) {
    for (const line of printedLines(step)) {
      const typed = await typeLine(guest, line);
      // A bare `exit` leaves with the status of the command before it, which is not its own.
      if (typed.outcome === "finished" && typed.exitCode !== 0 && line.trim() !== "exit") {
        throw new StepFailure(
          `run block line \`${line}\` exited with ${typed.exitCode}`,
          typed.output.trim(),
        );
      }
    }
    return;
  }
  const exec = agentExec(guest);
  const before = await runChecks(exec, step.checks);
  if (before.passed) {
    throw new StepFailure("the checks already pass before the solution ran, so they do not test this step");
  }
  if (before.reason === "not-ready") throw new StepFailure(describeFailure(before));
  const printed = typing === "as-printed" && step.runBlocks.length > 0;
  const lines = printed ? printedLines(step) : commandLines(step.solution.code);
  const transcript: string[] = [];
  for (const line of lines) {
    const typed = await typeLine(guest, line);
    transcript.push(typed.output);
    if (printed && isCommandNotFound(typed)) {
      throw new StepFailure(
        `the printed command \`${line}\` is not found in the guest's shell`,
        typed.output.trim(),
      );
    }
  }
  // Settled as the app does after a prompt: a background job may still be starting.
  const after = await runChecksSettled(exec, step.checks);
  if (!after.passed) {
    const detail = [
      after.run?.stdout.trim() && `check stdout: ${after.run.stdout.trim()}`,
      after.run?.stderr.trim() && `check stderr: ${after.run.stderr.trim()}`,
      `console:\n${plainText(transcript.join("")).trim().slice(-800)}`,
    ]
      .filter(Boolean)
      .join("\n");
    const what = printed ? "the step's run blocks" : "the solution";
    throw new StepFailure(`after ${what} ran, ${describeFailure(after)}`, detail);
  }
}

/** The agent's `exec`, as runChecks wants it. */
function agentExec(guest: LessonGuest): CheckExec {
  return (script, timeoutMs) => execInGuest(guest.agent, script, timeoutMs);
}
