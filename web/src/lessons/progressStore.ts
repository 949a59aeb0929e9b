// The student's progress, per chapter and step, kept in localStorage: it survives a reload
// and a machine reset (the guest forgets everything; the browser does not). Keyed by the
// stable chapter and step ids, so editing a lesson's prose keeps progress.
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { guardedStorage } from "../storage/guardedStorage.ts";
import { readProgress, type Answer, type ChapterProgress, type StepProgress } from "./progressRecord.ts";

export type { Answer, ChapterProgress, StepProgress };

interface ProgressState {
  chapters: Record<string, ChapterProgress>;
  markDone(chapterId: string, stepId: string): void;
  showHint(chapterId: string, stepId: string): void;
  /** A challenge's "Show the solution": counts the ask; `reveal` when the gate lets it through. */
  askSolution(chapterId: string, stepId: string, reveal: boolean): void;
  recordFailedCheck(chapterId: string, stepId: string): void;
  answer(
    chapterId: string,
    stepId: string,
    questionId: string,
    value: Answer["value"],
    correct?: boolean,
  ): void;
  observe(chapterId: string, stepId: string, questionId: string): void;
  setCurrentStep(chapterId: string, stepId: string): void;
  resetChapter(chapterId: string): void;
}

export const PROGRESS_STORAGE_KEY = "container-lab.lessons.progress";

function updateStep(
  chapters: Record<string, ChapterProgress>,
  chapterId: string,
  stepId: string,
  change: (step: StepProgress) => StepProgress,
): Record<string, ChapterProgress> {
  const chapter = chapters[chapterId] ?? { steps: {} };
  return {
    ...chapters,
    [chapterId]: { ...chapter, steps: { ...chapter.steps, [stepId]: change(chapter.steps[stepId] ?? {}) } },
  };
}

export const useProgressStore = create<ProgressState>()(
  persist(
    (set) => ({
      chapters: {},
      markDone: (chapterId, stepId) =>
        set((s) => ({
          chapters: updateStep(s.chapters, chapterId, stepId, (step) =>
            step.doneAt ? step : { ...step, doneAt: Date.now(), withSolution: Boolean(step.solutionShown) },
          ),
        })),
      showHint: (chapterId, stepId) =>
        set((s) => ({
          chapters: updateStep(s.chapters, chapterId, stepId, (step) => ({
            ...step,
            hintsShown: (step.hintsShown ?? 0) + 1,
          })),
        })),
      askSolution: (chapterId, stepId, reveal) =>
        set((s) => ({
          chapters: updateStep(s.chapters, chapterId, stepId, (step) => ({
            ...step,
            solutionAsks: (step.solutionAsks ?? 0) + 1,
            ...(reveal ? { solutionShown: true } : {}),
          })),
        })),
      recordFailedCheck: (chapterId, stepId) =>
        set((s) => ({
          chapters: updateStep(s.chapters, chapterId, stepId, (step) =>
            step.doneAt ? step : { ...step, failedChecks: (step.failedChecks ?? 0) + 1 },
          ),
        })),
      answer: (chapterId, stepId, questionId, value, correct) =>
        set((s) => ({
          chapters: updateStep(s.chapters, chapterId, stepId, (step) => {
            const before = step.answers?.[questionId];
            // A right answer stays right: trying other answers afterwards does not undo a grade.
            if (before?.correct) return step;
            const answer: Answer = {
              value,
              ...(correct === undefined ? {} : { correct }),
              tries: (before?.tries ?? 0) + 1,
              at: Date.now(),
            };
            return { ...step, answers: { ...step.answers, [questionId]: answer } };
          }),
        })),
      observe: (chapterId, stepId, questionId) =>
        set((s) => ({
          chapters: updateStep(s.chapters, chapterId, stepId, (step) => {
            const before = step.answers?.[questionId];
            if (!before || before.observed) return step;
            return { ...step, answers: { ...step.answers, [questionId]: { ...before, observed: true } } };
          }),
        })),
      setCurrentStep: (chapterId, stepId) =>
        set((s) => {
          const chapter = s.chapters[chapterId] ?? { steps: {} };
          return chapter.currentStep === stepId
            ? s
            : { chapters: { ...s.chapters, [chapterId]: { ...chapter, currentStep: stepId } } };
        }),
      resetChapter: (chapterId) =>
        set((s) => ({
          chapters: Object.fromEntries(Object.entries(s.chapters).filter(([id]) => id !== chapterId)),
        })),
    }),
    {
      name: PROGRESS_STORAGE_KEY,
      version: 1,
      // Whatever is stored is checked chapter by chapter; what fails is set aside, not used.
      storage: guardedStorage(readProgress, "progress"),
      partialize: (s) => ({ chapters: s.chapters }),
    },
  ),
);

/** How many of the given steps are done: steps a lesson no longer has do not count. */
export function countDone(progress: ChapterProgress | undefined, stepIds: readonly string[]): number {
  return stepIds.filter((id) => progress?.steps[id]?.doneAt).length;
}
