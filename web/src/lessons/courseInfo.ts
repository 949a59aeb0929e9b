// What the app knows of the course it was built with (course.yaml, through the course module):
// its title, its one language if it has one, and where its chapters are on disk.
import type { Language } from "../i18n/languages.ts";

export interface CourseInfo {
  /** An instructor's course title per language; absent for the lab's own course. */
  title?: Partial<Record<Language, string>>;
  /** A course written in one language: the lab is shown in it, without the switch. */
  language?: Language;
  languages: Language[];
  /** Chapter folder → where it is (`lessons/<folder>`, or the instructor's folder), for error cards. */
  dirs: Record<string, string>;
  /** Ids of the lab's chapters the course leaves out (links to them are warnings). */
  omitted: string[];
}
