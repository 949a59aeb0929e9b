// Public API of the lesson engine: stores, types and helpers. The pane itself (the heavy part:
// Markdown rendering) is `pane.ts`, which the app loads after the first prompt.
export type { LessonRuntime } from "./lessonRuntime.ts";
export { CHECK_TIMEOUT_MS, type CheckRun } from "./runChecks.ts";
export { SETUP_TIMEOUT_MS } from "./chapterSetup.ts";
export { useCourseStore } from "./courseStore.ts";
export {
  useProgressStore,
  countDone,
  PROGRESS_STORAGE_KEY,
  type ChapterProgress,
  type StepProgress,
} from "./progressStore.ts";
export { readStoredProgress } from "./progressRecord.ts";
export { formatRoute, parseRoute, type LessonRoute } from "./lessonRoute.ts";
export { PANEL_NAMES, type PanelName } from "./lessonModel.ts";
export { lessonStrings } from "./strings.ts";
export { courseInfo, courseTitle } from "./course.ts";
export type { Chapter, Course } from "./buildCourse.ts";
