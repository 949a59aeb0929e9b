// The lesson files as written, for author mode: the lesson engine's own copy (one glob, so no
// lesson is bundled twice).
import { buildCourse } from "../lessons/buildCourse.ts";
import { lessonAssets, lessonSources } from "../lessons/sources.ts";
import type { Language } from "../i18n/languages.ts";

export { lessonAssets, lessonSources };

export interface LessonFile {
  folder: string;
  /** `lessons/<folder>/<lang>.md` */
  file: string;
  source: string;
}

/** Finds a chapter by its id (or, when its frontmatter is broken, by its folder name). */
export function findLessonFile(
  chapterId: string,
  language: Language,
  sources: Readonly<Record<string, string>> = lessonSources,
): LessonFile | undefined {
  const course = buildCourse(sources, []);
  const chapter = course.chapters.find((c) => c.id === chapterId);
  if (!chapter) return undefined;
  const file = `lessons/${chapter.folder}/${language}.md`;
  const source = sources[file];
  return source === undefined ? undefined : { folder: chapter.folder, file, source };
}
