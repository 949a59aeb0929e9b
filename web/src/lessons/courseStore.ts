// The parsed course the pane shows. lessonFiles.ts fills it at start-up and again whenever a
// lesson file changes under `npm run dev`, without touching anything else in the app.
import { create } from "zustand";
import { buildCourse, type Course } from "./buildCourse.ts";

interface CourseState {
  course: Course;
  /** Parsing every lesson takes most of a second: the app starts the machine first. */
  loaded: boolean;
  /** Asset path (`lessons/<folder>/<file>`) → URL the browser can load. */
  assets: Record<string, string>;
  load(sources: Record<string, string>, assets: Record<string, string>): void;
  /** Shows a course already built (by the course worker). */
  show(course: Course, assets: Record<string, string>): void;
}

export const useCourseStore = create<CourseState>()((set) => ({
  course: { chapters: [] },
  loaded: false,
  assets: {},
  load: (sources, assets) => set({ course: buildCourse(sources, Object.keys(assets)), assets, loaded: true }),
  show: (course, assets) => set({ course, assets, loaded: true }),
}));
