/// <reference types="vite/client" />
// The lesson files as written, for author mode. The same glob as the lesson engine's
// lessonFiles.ts, so the bundler shares the modules: no lesson is shipped twice.
import { buildCourse } from "../lessons/buildCourse.ts";
import type { Language } from "../i18n/languageStore.ts";

const markdown = import.meta.glob<string>("../../../lessons/*/*.md", {
  query: "?raw",
  import: "default",
  eager: true,
});
const assets = import.meta.glob<string>("../../../lessons/*/*.{png,jpg,jpeg,gif,svg,webp}", {
  query: "?url",
  import: "default",
  eager: true,
});

/** `../../../lessons/00-x/en.md` → `lessons/00-x/en.md`, the paths diagnostics use. */
function byRepoPath(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, value]) => [path.replace(/^(\.\.\/)+/, ""), value]),
  );
}

/** Repository path → Markdown source. */
export const lessonSources: Readonly<Record<string, string>> = byRepoPath(markdown);
/** Repository path → URL the browser can load. */
export const lessonAssets: Readonly<Record<string, string>> = byRepoPath(assets);

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
