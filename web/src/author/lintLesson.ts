// Lints a lesson draft the way lessons:check and the app do: the whole course is rebuilt with
// the draft in place of its file, so checks that span files (the other language, links,
// assets, prerequisites) see the draft too.
import { buildCourse } from "../lessons/buildCourse.ts";
import type { Diagnostic } from "../lessons/lessonModel.ts";
import type { ParsedLesson } from "../lessons/parseLesson.ts";

export interface LintResult {
  /** Problems in the draft itself. */
  diagnostics: Diagnostic[];
  /** Problems the draft causes or keeps in the chapter's other files. */
  elsewhere: Diagnostic[];
  parsed: ParsedLesson | undefined;
}

export function lintLesson(
  sources: Readonly<Record<string, string>>,
  assetPaths: readonly string[],
  file: string,
  draft: string,
): LintResult {
  const course = buildCourse({ ...sources, [file]: draft }, assetPaths);
  const folder = file.split("/")[1];
  const chapter = course.chapters.find((c) => c.folder === folder);
  if (!chapter) return { diagnostics: [], elsewhere: [], parsed: undefined };
  const parsed = Object.values(chapter.parsed).find((p) => p.file === file);
  return {
    diagnostics: chapter.diagnostics.filter((d) => d.file === file),
    elsewhere: chapter.diagnostics.filter((d) => d.file !== file),
    parsed,
  };
}
