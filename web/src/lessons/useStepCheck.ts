// Runs a step's checks: when the step opens, after every command the student finishes (again
// over a few seconds while they fail: see runChecksSettled), and on demand. Checks never overlap: a run asked for while another goes waits and runs once.
// What the checks mean is runChecks.ts; this hook only decides when they run.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Check } from "./lessonModel.ts";
import type { LessonRuntime } from "./lessonRuntime.ts";
import { runChecks, runChecksSettled, type CheckVerdict } from "./runChecks.ts";

export type CheckState = "idle" | "checking" | "failed";

export interface StepCheck {
  state: CheckState;
  /** The first failing check of the last run the student asked for ("Check now"). */
  failed: Exclude<CheckVerdict, { passed: true }> | null;
  checkNow: () => void;
}

export function useStepCheck(
  runtime: LessonRuntime,
  checks: readonly Check[],
  done: boolean,
  onPass: () => void,
  /** Called when a run the student asked for fails (a challenge counts them). */
  onExplicitFailure: () => void = () => {},
): StepCheck {
  const [state, setState] = useState<CheckState>("idle");
  const [failed, setFailed] = useState<StepCheck["failed"]>(null);
  const latest = useRef({ checks, done, onPass, onExplicitFailure });
  useLayoutEffect(() => {
    latest.current = { checks, done, onPass, onExplicitFailure };
  });
  const running = useRef(false);
  const queued = useRef<"auto" | "explicit" | null>(null);
  const mounted = useRef(true);

  const evaluate = useCallback(
    async (explicit: boolean): Promise<void> => {
      if (running.current) {
        if (queued.current !== "explicit") queued.current = explicit ? "explicit" : "auto";
        return;
      }
      running.current = true;
      let mode: "auto" | "explicit" | null = explicit ? "explicit" : "auto";
      while (mode) {
        const { checks: current, done: alreadyDone } = latest.current;
        if (current.length === 0 || alreadyDone || !mounted.current) break;
        if (mode === "explicit") setState("checking");
        // An automatic run after a prompt gives a background job a moment to do its part; one the
        // student asked for answers at once. A newer request supersedes the settling.
        const verdict =
          mode === "explicit"
            ? await runChecks(runtime.execCheck, current)
            : await runChecksSettled(
                runtime.execCheck,
                current,
                () => !mounted.current || queued.current !== null,
              );
        if (!mounted.current) break;
        if (verdict.passed) {
          setState("idle");
          setFailed(null);
          latest.current.onPass();
          break;
        }
        if (mode === "explicit") {
          setState("failed");
          setFailed(verdict);
          if (verdict.reason !== "not-ready") latest.current.onExplicitFailure();
        } else {
          // A later automatic run keeps the message current: it may name the next missing piece.
          setFailed((shown) => (shown ? verdict : shown));
        }
        mode = queued.current;
        queued.current = null;
      }
      queued.current = null;
      running.current = false;
    },
    [runtime],
  );

  const key = checks.map((c) => c.code).join("\0");
  useEffect(() => {
    mounted.current = true;
    void evaluate(false);
    const unsubscribe = runtime.onCommandFinished(() => void evaluate(false));
    return () => {
      mounted.current = false;
      unsubscribe();
    };
  }, [runtime, evaluate, key]);

  return { state, failed, checkNow: useCallback(() => void evaluate(true), [evaluate]) };
}
