// Runs a chapter's `setup:` when the chapter opens on a machine not yet set up for it, again
// when the machine comes back fresh (a reset), and on "Restart this chapter" (chapterSetup.ts
// holds the rule of when the script itself skips). A chapter with `files/` has them placed in
// the guest first (chapterFiles.ts), each time its set-up runs.
import { useCallback, useEffect, useRef, useState } from "react";
import { placeChapterFiles, type ChapterFile } from "./chapterFiles.ts";
import { isSetUpScript, setupScript } from "./chapterSetup.ts";
import type { LessonRuntime } from "./lessonRuntime.ts";

export type SetupState = "none" | "running" | "ready" | "failed";

export interface ChapterSetupInput {
  chapterId: string;
  setup: string | undefined;
  files: readonly ChapterFile[];
  /** The bytes of one of the chapter's files. */
  readFile(file: ChapterFile): Promise<Uint8Array>;
}

export function useChapterSetup(
  runtime: LessonRuntime,
  { chapterId, setup: authored, files, readFile }: ChapterSetupInput,
): { state: SetupState; problem?: string; restart: () => Promise<void> } {
  // Files alone still need placing: an empty set-up then does just that.
  const setup = authored ?? (files.length > 0 ? "true" : undefined);
  const [state, setState] = useState<SetupState>(setup && runtime.runSetup ? "running" : "none");
  const [problem, setProblem] = useState<string>();
  const generation = useRef(0);
  const latest = useRef({ files, readFile });
  latest.current = { files, readFile };

  // One run at a time: two would race in the guest (one emptying /opt/lab/<id> while the other
  // copies from it). A run asked for while one is going waits for it, and only the newest waiting
  // run goes ahead.
  const queue = useRef<Promise<void>>(Promise.resolve());
  // A restart skipped for a newer run is not lost: the newer run restarts instead.
  const restartAsked = useRef(false);

  const runNow = useCallback(
    async (restart: boolean, mine: number): Promise<void> => {
      const { runSetup, writeFile } = runtime;
      if (!setup || !runSetup || mine !== generation.current) return;
      restart ||= restartAsked.current;
      restartAsked.current = false;
      setState("running");
      setProblem(undefined);
      const { files: payload, readFile: read } = latest.current;
      let failure: string | null = null;
      let ok: boolean;
      if (payload.length === 0) ok = await runSetup(setupScript(chapterId, setup, restart));
      else if (!restart && (await runSetup(isSetUpScript(chapterId)))) ok = true;
      else {
        failure = writeFile
          ? await placeChapterFiles(chapterId, payload, { exec: runSetup, write: writeFile, read })
          : "this machine cannot receive files";
        ok = failure === null && (await runSetup(setupScript(chapterId, setup, true)));
      }
      if (mine !== generation.current) return;
      setState(ok ? "ready" : "failed");
      if (failure) setProblem(failure);
    },
    [runtime, chapterId, setup],
  );

  const run = useCallback(
    (restart: boolean): Promise<void> => {
      const mine = ++generation.current;
      if (restart) restartAsked.current = true;
      const next = queue.current.then(() => runNow(restart, mine));
      queue.current = next.catch(() => undefined);
      return next;
    },
    [runNow],
  );

  useEffect(() => {
    void run(false);
    const unsubscribe = runtime.onMachineReady?.(() => void run(false));
    return () => {
      generation.current++;
      unsubscribe?.();
    };
  }, [run, runtime]);

  return { state, ...(problem ? { problem } : {}), restart: useCallback(() => run(true), [run]) };
}
