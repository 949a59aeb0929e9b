// Reads lessons/ from disk into what buildCourse takes: Markdown sources and asset paths,
// keyed by repository path (`lessons/<folder>/<file>`) like the app's Vite loader does.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Chapter } from "../../web/src/lessons/buildCourse.ts";
import { LESSONS_DIR } from "../../web/src/lessons/buildCourse.ts";

export interface LessonTree {
  sources: Record<string, string>;
  assets: string[];
}

export function readLessonTree(repoRoot: string): LessonTree {
  const sources: Record<string, string> = {};
  const assets: string[] = [];
  const root = join(repoRoot, LESSONS_DIR);
  for (const folder of readdirSync(root).sort()) {
    const dir = join(root, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      const path = `${LESSONS_DIR}/${folder}/${name}`;
      if (!statSync(join(dir, name)).isFile()) continue;
      if (name.endsWith(".md")) sources[path] = readFileSync(join(dir, name), "utf8");
      else assets.push(path);
    }
  }
  return { sources, assets };
}

/**
 * The chapters a command-line path points at: the lessons folder (all), a chapter folder, or a
 * file in one. Throws for a path that names no chapter, so a typo does not pass silently.
 */
export function selectChapters(
  chapters: readonly Chapter[],
  paths: readonly string[],
  repoRoot: string,
  cwd: string,
): Chapter[] {
  if (paths.length === 0) return [...chapters];
  const selected = new Set<Chapter>();
  for (const path of paths) {
    const absolute = isAbsolute(path) ? path : resolve(cwd, path);
    const rel = relative(repoRoot, absolute).split(sep).join("/").replace(/\/$/, "");
    const matches = chapters.filter((chapter) => {
      const dir = `${LESSONS_DIR}/${chapter.folder}`;
      return rel === LESSONS_DIR || rel === dir || rel.startsWith(`${dir}/`);
    });
    if (matches.length === 0)
      throw new Error(`${path}: not a chapter folder or lesson file under ${LESSONS_DIR}/`);
    for (const chapter of matches) selected.add(chapter);
  }
  return chapters.filter((chapter) => selected.has(chapter));
}
