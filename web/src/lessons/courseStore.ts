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
  /** The latest parse asked for (a hot update asks again while one is still running). */
  requested: number;
  /** Starts a parse; its result is shown only if no newer one was asked for meanwhile. */
  request(): number;
  /** Shows a course already built (by the course worker, or by lessonFiles.ts without one). */
  show(course: Course, assets: Record<string, string>, request?: number): void;
}

export const useCourseStore = create<CourseState>()((set, get) => ({
  course: { chapters: [], assets: [] },
  loaded: false,
  assets: {},
  requested: 0,
  request: () => {
    const next = get().requested + 1;
    set({ requested: next });
    return next;
  },
  show: (course, assets, request) => {
    if (request !== undefined && request !== get().requested) return; // an older parse
    set({ course, assets, loaded: true });
  },
}));
