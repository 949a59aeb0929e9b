// The parsed course the pane shows. lessonFiles.ts fills it at start-up and again whenever a
// lesson file changes under `npm run dev`, without touching anything else in the app.
// Only the course's type comes from the parser: the parser itself (yaml, micromark) runs in the
// course worker and stays out of the page's first bundle.
import { create } from "zustand";
import type { Course } from "./buildCourse.ts";

interface CourseState {
  course: Course;
  /** Parsing every lesson takes most of a second: the app starts the machine first. */
  loaded: boolean;
  /** Asset path (`lessons/<folder>/<file>`) → URL the browser can load. */
  assets: Record<string, string>;
  /** Shows a course already built (by the course worker, or by lessonFiles.ts without one). */
  show(course: Course, assets: Record<string, string>): void;
}

export const useCourseStore = create<CourseState>()((set) => ({
  course: { chapters: [] },
  loaded: false,
  assets: {},
  show: (course, assets) => set({ course, assets, loaded: true }),
}));
