// Runs a step's check: when the step opens, after every command the student finishes, and on
// demand. Checks never overlap: one that is asked for while another runs waits and runs once.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { wrapCheck } from "./checkScript.ts";
import type { LessonRuntime } from "./lessonRuntime.ts";

export type CheckState = "idle" | "checking" | "failed";

export function useStepCheck(
  runtime: LessonRuntime,
  check: string | null,
  done: boolean,
  onPass: () => void,
): { state: CheckState; checkNow: () => void } {
  const [state, setState] = useState<CheckState>("idle");
  const latest = useRef({ check, done, onPass });
  useLayoutEffect(() => {
    latest.current = { check, done, onPass };
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
        const { check: script, done: alreadyDone } = latest.current;
        if (!script || alreadyDone || !mounted.current) break;
        if (mode === "explicit") setState("checking");
        const passed = await runtime.runCheck(wrapCheck(script)).catch(() => false);
        if (!mounted.current) break;
        if (passed) {
          setState("idle");
          latest.current.onPass();
          break;
        }
        if (mode === "explicit") setState("failed");
        mode = queued.current;
        queued.current = null;
      }
      queued.current = null;
      running.current = false;
    },
    [runtime],
  );

  useEffect(() => {
    mounted.current = true;
    void evaluate(false);
    const unsubscribe = runtime.onCommandFinished(() => void evaluate(false));
    return () => {
      mounted.current = false;
      unsubscribe();
    };
  }, [runtime, evaluate, check]);

  return { state, checkNow: useCallback(() => void evaluate(true), [evaluate]) };
}
