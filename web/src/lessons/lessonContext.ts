// What components deep inside rendered Markdown (Run buttons, panel links) need from the pane.
import { createContext, useContext } from "react";
import type { LessonRuntime } from "./lessonRuntime.ts";

export interface LessonActions {
  runtime: LessonRuntime;
  /** Types the lines into the terminal, after anything queued before. */
  type(lines: readonly string[]): void;
  /** Turns a lesson-relative asset URL into one the browser can load. */
  resolveUrl(url: string): string | undefined;
}

export const LessonContext = createContext<LessonActions | null>(null);

export function useLessonActions(): LessonActions {
  const actions = useContext(LessonContext);
  if (!actions) throw new Error("lesson components must be rendered inside <LessonPane>");
  return actions;
}
