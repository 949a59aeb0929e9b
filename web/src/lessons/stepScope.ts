// The step a piece of rendered Markdown belongs to, for the blocks inside it that keep state
// (quizzes, predictions, the run blocks a prediction locks). Author mode's preview marks
// itself, and those blocks render read-only there.
import { createContext, useContext } from "react";
import type { Step } from "./lessonModel.ts";

export interface StepScopeValue {
  chapterId: string;
  step: Step;
  /** Author mode's preview: show questions with their answers, record nothing. */
  preview?: boolean;
}

export const StepScope = createContext<StepScopeValue | null>(null);

export function useStepScope(): StepScopeValue | null {
  return useContext(StepScope);
}
