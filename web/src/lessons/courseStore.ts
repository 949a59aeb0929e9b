// The parsed course the pane shows. lessonFiles.ts fills it at start-up and again whenever a
// lesson file changes under `npm run dev`, without touching anything else in the app.
import { create } from "zustand";
import { buildCourse, type Course } from "./buildCourse.ts";

interface CourseState {
  course: Course;
  /** Asset path (`lessons/<folder>/<file>`) → URL the browser can load. */
  assets: Record<string, string>;
  load(sources: Record<string, string>, assets: Record<string, string>): void;
}

export const useCourseStore = create<CourseState>()((set) => ({
  course: { chapters: [] },
  assets: {},
  load: (sources, assets) => set({ course: buildCourse(sources, Object.keys(assets)), assets }),
}));
