// Runs a chapter's `setup:` when the chapter opens on a machine not yet set up for it, again
// when the machine comes back fresh (a reset), and on "Restart this chapter" (chapterSetup.ts
// holds the rule of when the script itself skips).
import { useCallback, useEffect, useRef, useState } from "react";
import { setupScript } from "./chapterSetup.ts";
import type { LessonRuntime } from "./lessonRuntime.ts";

export type SetupState = "none" | "running" | "ready" | "failed";

export function useChapterSetup(
  runtime: LessonRuntime,
  chapterId: string,
  setup: string | undefined,
): { state: SetupState; restart: () => Promise<void> } {
  const [state, setState] = useState<SetupState>(setup && runtime.runSetup ? "running" : "none");
  const generation = useRef(0);

  const run = useCallback(
    async (restart: boolean): Promise<void> => {
      if (!setup || !runtime.runSetup) return;
      const mine = ++generation.current;
      setState("running");
      const ok = await runtime.runSetup(setupScript(chapterId, setup, restart));
      if (mine === generation.current) setState(ok ? "ready" : "failed");
    },
    [runtime, chapterId, setup],
  );

  useEffect(() => {
    void run(false);
    const unsubscribe = runtime.onMachineReady?.(() => void run(false));
    return () => {
      generation.current++;
      unsubscribe?.();
    };
  }, [run, runtime]);

  return { state, restart: useCallback(() => run(true), [run]) };
}
