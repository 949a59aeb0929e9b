// The course this build of the lab carries: course.yaml's title and language (or none, for
// the lab's own course), from the small course-info module the build generates.
import { courseInfo } from "virtual:container-lab/course-info";
import type { Language } from "../i18n/languages.ts";

export { courseInfo };

/** The instructor's course title in `language` (else in the language it has); none for the lab's own course. */
export function courseTitle(language: Language): string | undefined {
  const titles = courseInfo.title;
  return titles ? (titles[language] ?? Object.values(titles)[0]) : undefined;
}
