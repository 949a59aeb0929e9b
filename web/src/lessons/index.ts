// Public API of the lesson engine, for the app's layout.
export { LessonPane, type LessonPaneProps } from "./LessonPane.tsx";
export type { LessonRuntime } from "./lessonRuntime.ts";
export { CHECK_TIMEOUT_MS, wrapCheck } from "./checkScript.ts";
export { useCourseStore } from "./courseStore.ts";
export {
  useProgressStore,
  countDone,
  PROGRESS_STORAGE_KEY,
  type ChapterProgress,
  type StepProgress,
} from "./progressStore.ts";
export { formatRoute, parseRoute, type LessonRoute } from "./lessonRoute.ts";
export { PANEL_NAMES, type PanelName } from "./lessonModel.ts";
export { lessonStrings } from "./strings.ts";
export { lessonSources, lessonAssets } from "./lessonFiles.ts";
