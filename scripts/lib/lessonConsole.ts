// Typing into the guest's console the way the app's Run and Solve buttons do, one line at a
// time, and knowing when the shell is ready for the next. Unlike NodeGuest.run, a line may
// start a nested shell (`unshare --uts bash`: a new prompt, no end mark) or continue a
// multi-line command (bash's `> ` prompt, no marks at all).
import type { AgentClient } from "../../web/src/vm/agentClient.ts";
import type { NodeGuest } from "./nodeGuest.ts";

/** The parts of NodeGuest that proving a lesson uses (tests pass a fake). */
export type LessonGuest = Pick<NodeGuest, "type" | "markCount" | "marksSince" | "output"> & {
  agent: Pick<AgentClient, "request">;
};

export interface TypedLine {
  line: string;
  /** "finished": the command ended (exitCode set); "prompt": a new shell prompt appeared
   *  without an end mark (a nested shell); "continued": bash waits for the rest of the command. */
  outcome: "finished" | "prompt" | "continued";
  exitCode: number | null;
  /** What the console printed after the line was typed, escape sequences removed. */
  output: string;
}

const POLL_MS = 10;
/** Quiet time after bash's continuation prompt before we believe it is waiting for more. */
const CONTINUATION_QUIET_MS = 300;

export async function typeLine(guest: LessonGuest, line: string, timeoutMs = 60_000): Promise<TypedLine> {
  const firstMark = guest.markCount;
  const textStart = guest.output.length;
  const started = Date.now();
  let length = textStart;
  let quietSince = started;
  guest.type(`${line}\n`);
  for (;;) {
    const marks = guest.marksSince(firstMark);
    const accepted = marks.findIndex((m) => m.kind === "output");
    const output = () => plainText(guest.output.slice(textStart));
    if (accepted >= 0) {
      const after = marks.slice(accepted);
      const prompt = after.findIndex((m) => m.kind === "input");
      if (prompt >= 0) {
        const finished = after.slice(0, prompt).find((m) => m.kind === "finished");
        const exitCode = finished?.kind === "finished" ? finished.exitCode : null;
        return { line, outcome: finished ? "finished" : "prompt", exitCode, output: output() };
      }
    } else {
      const now = Date.now();
      if (guest.output.length !== length) {
        length = guest.output.length;
        quietSince = now;
      } else if (now - quietSince >= CONTINUATION_QUIET_MS && /(^|\n)> $/.test(output())) {
        return { line, outcome: "continued", exitCode: null, output: output() };
      }
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `\`${line}\` did not return to a prompt within ${timeoutMs / 1000} s\n--- console ---\n${output().slice(-600)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * bash's word for a command the guest does not have. Only that: a lesson may well show a program
 * that fails on purpose (`chroot` before the libraries are there, a refused capability).
 */
export function isCommandNotFound(typed: TypedLine): boolean {
  return typed.exitCode === 127 && /: command not found\s*$/m.test(typed.output);
}

/** Console bytes → readable text: no OSC/CSI sequences, no carriage returns. */
export function plainText(text: string): string {
  // Terminal escape sequences are control characters by definition.
  /* eslint-disable no-control-regex */
  return text
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, "")
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "")
    .replace(/\r/g, "");
  /* eslint-enable no-control-regex */
}
