// Reads the course from disk into what buildCourse takes (web/vite/courseFolder.ts does the
// reading, as for the app), and picks the chapters a command line names.
import { isAbsolute, relative, resolve } from "node:path";
import type { Chapter } from "../../web/src/lessons/buildCourse.ts";
import {
  BUILTIN_LESSONS,
  parseCourseTree,
  readCourseTree,
  type CourseTree,
} from "../../web/vite/courseFolder.ts";

export type { CourseTree };

export interface LessonTree extends CourseTree {
  chapters: Chapter[];
}

/** The course (lessons/, or the course folder), parsed and linted as the app does. */
export function readLessonTree(courseDir?: string, cwd = process.cwd()): LessonTree {
  const tree = readCourseTree(courseDir, cwd);
  const { chapters } = parseCourseTree(tree);
  return { ...tree, chapters };
}

const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/**
 * The chapters a command-line path points at: the course folder or lessons/ (all), a chapter
 * folder, or a file in one. Throws for a path that names no chapter, so a typo does not pass
 * silently.
 */
export function selectChapters(
  chapters: readonly Chapter[],
  paths: readonly string[],
  tree: Pick<CourseTree, "absoluteDirs" | "courseDir">,
  cwd: string,
): Chapter[] {
  if (paths.length === 0) return [...chapters];
  const roots = [BUILTIN_LESSONS, ...(tree.courseDir ? [tree.courseDir] : [])];
  const selected = new Set<Chapter>();
  for (const path of paths) {
    const absolute = isAbsolute(path) ? path : resolve(cwd, path);
    if (roots.some((root) => resolve(root) === absolute.replace(/\/$/, ""))) {
      const root = roots.find((r) => resolve(r) === absolute.replace(/\/$/, "")) ?? "";
      for (const chapter of chapters)
        if (inside(root, tree.absoluteDirs[chapter.folder] ?? "")) selected.add(chapter);
      continue;
    }
    const matches = chapters.filter((chapter) => {
      const dir = tree.absoluteDirs[chapter.folder];
      return dir !== undefined && inside(dir, absolute);
    });
    if (matches.length === 0)
      throw new Error(
        `${path}: not a chapter folder or lesson file of the course (${relative(cwd, tree.courseDir ?? BUILTIN_LESSONS) || "."}/)`,
      );
    for (const chapter of matches) selected.add(chapter);
  }
  return chapters.filter((chapter) => selected.has(chapter));
}
