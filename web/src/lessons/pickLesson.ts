// The lesson to show for the UI language, falling back to English rather than to nothing.
import type { Chapter } from "./buildCourse.ts";
import type { Language, Lesson } from "./lessonModel.ts";

export function pickLesson(
  chapter: Chapter,
  language: Language,
): { lesson: Lesson; fallback: boolean } | null {
  const own = chapter.lessons[language];
  if (own) return { lesson: own, fallback: false };
  const english = chapter.lessons.en ?? Object.values(chapter.lessons)[0];
  return english ? { lesson: english, fallback: true } : null;
}
