// Types command lines into the terminal one after another, the way a student would: the next
// line goes once the shell is back at a prompt. A line that never "finishes" (a nested shell
// such as `unshare --uts bash`, or a command still running) releases the next after a pause,
// and the terminal's type-ahead buffer takes it from there.
//
// The returned promise settles only once the last line is back at a prompt too (or its pause
// has passed). Runs are queued one behind another, and if the next Run started while this one's
// last command was still running, that command's prompt would release the next Run's first line
// early, and every later line of it one command too soon: `nsenter -t $(pidof sleep)` would then
// be read before the `sleep &` it looks for had started.
import type { LessonRuntime } from "./lessonRuntime.ts";

export const NEXT_LINE_FALLBACK_MS = 2_000;

export async function typeCommands(
  runtime: Pick<LessonRuntime, "runInTerminal" | "onCommandFinished">,
  lines: readonly string[],
  fallbackMs = NEXT_LINE_FALLBACK_MS,
): Promise<void> {
  for (const line of lines) {
    // Subscribe before typing, so a command that finishes at once is not missed.
    const atPrompt = nextPrompt(runtime, fallbackMs);
    runtime.runInTerminal(line);
    await atPrompt;
  }
}

function nextPrompt(runtime: Pick<LessonRuntime, "onCommandFinished">, fallbackMs: number): Promise<void> {
  return new Promise((resolve) => {
    let unsubscribe = () => {};
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, fallbackMs);
    unsubscribe = runtime.onCommandFinished(done);
  });
}
