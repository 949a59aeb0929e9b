// What the app knows of the course it was built with: course.yaml's title and language (the
// small course-info module, in the page's first bundle), and where the chapters are and which
// languages they need (the course module, loaded with the lessons).
import type { Language } from "../i18n/languages.ts";

export interface CourseInfo {
  /** An instructor's course title per language; absent for the lab's own course. */
  title?: Partial<Record<Language, string>>;
  /** A course written in one language: the lab is shown in it, without the switch. */
  language?: Language;
}

export interface CourseLayout {
  languages: Language[];
  /** Chapter folder → how error cards name it (`lessons/<folder>`, or `<course>/<folder>`). */
  dirs: Record<string, string>;
  /** Ids of the lab's chapters the course leaves out (links to them are warnings). */
  omitted: string[];
}
