// Reads a course from disk (Node only): the lab's own lessons/, or an instructor's course folder
// (`--course DIR` / COURSE_DIR) with its course.yaml, on its own or beside the built-in chapters
// it keeps. Every chapter gets a key under `lessons/<folder>/`, the one namespace the app, the
// lesson engine and saved progress know; `dirs` says where each chapter really is, so errors
// name the instructor's own files. The Vite plugin and the command-line tools both read here.
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { LANGUAGES, type Language } from "../src/i18n/languages.ts";
import { ASSET_EXTENSIONS, buildCourse, type Course } from "../src/lessons/buildCourse.ts";
import { formatDiagnostic, hasErrors } from "../src/lessons/lessonModel.ts";
import {
  CHAPTER_FILES_DIR,
  chapterFileKey,
  checkChapterFiles,
  type FileEntry,
} from "../src/lessons/chapterFiles.ts";
import {
  COURSE_FILE,
  CourseConfigError,
  parseCourseConfig,
  type CourseConfig,
} from "../src/lessons/courseConfig.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "..", "..");
export const BUILTIN_LESSONS = join(REPO_ROOT, "lessons");

export interface CourseTree {
  /** The instructor's course.yaml; absent for the lab's own course. */
  config?: CourseConfig;
  /** The course folder (absolute); absent for the lab's own course. */
  courseDir?: string;
  languages: readonly Language[];
  /** `lessons/<folder>/<lang>.md` → Markdown. */
  sources: Record<string, string>;
  /** `lessons/<folder>/<lang>.md` → absolute path. */
  sourcePaths: Record<string, string>;
  /**
   * `lessons/<folder>/<name>` → absolute path: the images next to a lesson (regular files with an
   * asset extension; never a dotfile or a symbolic link, whose target may be anything).
   */
  assets: Record<string, string>;
  /** `lessons/<folder>/<name>` → why a file next to a lesson is not an asset (for a link to it). */
  unshipped: Record<string, string>;
  /** Chapter folder → what its `files/` holds. */
  files: Record<string, FileEntry[]>;
  /** `lessons/<folder>/files/<path>` → absolute path, only for a `files/` that passes its rules. */
  filePaths: Record<string, string>;
  /** Chapter folder → how messages name it (relative to the working directory when inside it). */
  dirs: Record<string, string>;
  /** Chapter folder → absolute path. */
  absoluteDirs: Record<string, string>;
  /** Ids of the lab's own chapters this course leaves out. */
  omitted: string[];
}

/** The course folder a command was given: `--course DIR`, else COURSE_DIR, else none. */
export function courseDirFrom(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const index = argv.findIndex((arg) => arg === "--course" || arg.startsWith("--course="));
  let dir: string | undefined;
  if (index >= 0) {
    const arg = argv[index] ?? "";
    dir = arg === "--course" ? argv[index + 1] : arg.slice("--course=".length);
    if (!dir || dir.startsWith("-")) throw new Error("--course needs a folder");
  } else dir = env.COURSE_DIR || undefined;
  return dir === undefined ? undefined : resolve(dir);
}

/** `argv` without `--course DIR`, for a command that passes the rest on. */
export function withoutCourseArg(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--course") i++;
    else if (!argv[i]?.startsWith("--course=")) out.push(argv[i] ?? "");
  }
  return out;
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : path;
}

function chapterFolders(root: string): string[] {
  return (
    readdirSync(root)
      .filter((name) => !name.startsWith(".") && name !== "node_modules")
      // lstat: a link is not followed (a dangling one would throw, any other could lead anywhere).
      .filter((name) => lstatSync(join(root, name)).isDirectory())
      .sort()
  );
}

function walkFiles(dir: string, prefix = ""): FileEntry[] {
  const entries: FileEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    const stat = lstatSync(path);
    if (stat.isDirectory()) entries.push(...walkFiles(path, rel));
    else
      entries.push({
        path: rel,
        size: stat.size,
        mode: stat.mode & 0o7777,
        kind: stat.isSymbolicLink() ? "symlink" : stat.isFile() ? "file" : "other",
      });
  }
  return entries;
}

/** Why a file next to a lesson is not served, or null for an asset. */
function notAnAsset(name: string, stat: Stats): string | null {
  if (name.startsWith(".")) return "a hidden file (its name starts with `.`), never published";
  if (stat.isSymbolicLink())
    return "a symbolic link, never published (its target could be any file); put the image itself here";
  if (!stat.isFile()) return "not a regular file";
  const extension = name.split(".").pop()?.toLowerCase() ?? "";
  if (!(ASSET_EXTENSIONS as readonly string[]).includes(extension))
    return `not served by the app; assets are ${ASSET_EXTENSIONS.join(", ")} files`;
  return null;
}

function addChapter(tree: CourseTree, folder: string, absolute: string, cwd: string): void {
  tree.dirs[folder] = displayPath(absolute, cwd);
  tree.absoluteDirs[folder] = absolute;
  for (const name of readdirSync(absolute).sort()) {
    const path = join(absolute, name);
    const key = `lessons/${folder}/${name}`;
    const stat = lstatSync(path);
    if (name === CHAPTER_FILES_DIR && stat.isDirectory()) {
      const files = walkFiles(path);
      tree.files[folder] = files;
      // Only a files/ that passes its rules gets URLs: a build never bundles a file the
      // lesson format refuses (a link, a fifo, a dotfile, one too large).
      const shipped = checkChapterFiles({ dir: tree.dirs[folder] }, files).files;
      for (const file of shipped) tree.filePaths[chapterFileKey(folder, file.path)] = join(path, file.path);
      continue;
    }
    if (name.endsWith(".md") && !name.startsWith(".") && stat.isFile()) {
      tree.sources[key] = readFileSync(path, "utf8");
      tree.sourcePaths[key] = path;
      continue;
    }
    const why = notAnAsset(name, stat);
    if (why === null) tree.assets[key] = path;
    else tree.unshipped[key] = why;
  }
}

/** The line and column of `needle` in course.yaml's text, for a problem the schema cannot see. */
function findInText(text: string, needle: string): { line: number; column: number } {
  const lines = text.split("\n");
  const index = lines.findIndex((line) => line.includes(needle) && !line.trimStart().startsWith("#"));
  return index < 0
    ? { line: 1, column: 1 }
    : { line: index + 1, column: (lines[index] ?? "").indexOf(needle) + 1 };
}

/**
 * Reads the course: with `courseDir`, that folder's course.yaml and chapters (and the built-in
 * chapters it keeps); without, lessons/. Throws a CourseConfigError (file:line:column) for a
 * course.yaml that is wrong, and an Error for a folder that is not a course.
 */
export function readCourseTree(courseDir?: string, cwd = process.cwd()): CourseTree {
  const tree: CourseTree = {
    languages: LANGUAGES,
    sources: {},
    sourcePaths: {},
    assets: {},
    unshipped: {},
    files: {},
    filePaths: {},
    dirs: {},
    absoluteDirs: {},
    omitted: [],
  };
  if (!courseDir) {
    for (const folder of chapterFolders(BUILTIN_LESSONS))
      addChapter(tree, folder, join(BUILTIN_LESSONS, folder), cwd);
    return tree;
  }
  const shown = displayPath(courseDir, cwd);
  if (!existsSync(courseDir) || !statSync(courseDir).isDirectory())
    throw new Error(`${shown}: no such folder (the course folder given with --course or COURSE_DIR)`);
  const configPath = join(courseDir, COURSE_FILE);
  const configName = displayPath(configPath, cwd);
  if (!existsSync(configPath))
    throw new Error(
      `${configName}: missing; a course folder starts with a ${COURSE_FILE} (at least \`title:\`), see lessons/README.md, "Instructors"`,
    );
  const text = readFileSync(configPath, "utf8");
  const config = parseCourseConfig(text, configName);
  tree.config = config;
  tree.courseDir = courseDir;
  if (config.language) tree.languages = [config.language];

  const builtins = chapterFolders(BUILTIN_LESSONS);
  const builtinId = (folder: string) => folder.replace(/^\d+-/, "");
  const wanted = config.builtin;
  if (Array.isArray(wanted)) {
    const known = new Set(builtins.map(builtinId));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new CourseConfigError(
        configName,
        unknown.map((id) => ({
          ...findInText(text, id),
          message: `\`builtin\`: the lab has no chapter \`${id}\` (it has ${[...known].join(", ")})`,
        })),
      );
  }
  const kept = builtins.filter(
    (folder) => wanted === "all" || (Array.isArray(wanted) && wanted.includes(builtinId(folder))),
  );
  const own = chapterFolders(courseDir).filter((folder) => existsSync(join(courseDir, folder)));
  const clash = own.find((folder) => kept.includes(folder));
  if (clash)
    throw new Error(
      `${displayPath(join(courseDir, clash), cwd)}: the lab's own chapter has this folder name too; rename yours, or leave \`${builtinId(clash)}\` out of \`builtin\` in ${configName}`,
    );
  tree.omitted = builtins.filter((folder) => !kept.includes(folder)).map(builtinId);
  for (const folder of kept) addChapter(tree, folder, join(BUILTIN_LESSONS, folder), cwd);
  for (const folder of own) addChapter(tree, folder, join(courseDir, folder), cwd);
  return tree;
}

/** The folders to watch for a course's changes under `npm run dev`. */
export function watchedDirs(tree: CourseTree): string[] {
  return [BUILTIN_LESSONS, ...(tree.courseDir ? [tree.courseDir] : [])];
}

/** The course parsed and linted as the app and lessons:check see it. */
export function parseCourseTree(tree: CourseTree): Course {
  return buildCourse(tree.sources, Object.keys(tree.assets), {
    languages: tree.languages,
    dirs: tree.dirs,
    files: tree.files,
    omitted: tree.omitted,
    unshipped: tree.unshipped,
  });
}

/**
 * What a build publishes: the lessons, the images they link to (no other file next to them) and
 * the `files/` that pass their rules. Throws, listing each error as file:line:column, for a
 * course lessons:check refuses: a site is never built from one.
 */
export function publishedAssets(
  tree: CourseTree,
  course: Course = parseCourseTree(tree),
): Record<string, string> {
  const errors = course.chapters.flatMap((c) => c.diagnostics).filter((d) => d.severity === "error");
  if (hasErrors(errors))
    throw new Error(
      `the course has ${errors.length} error(s); nothing was built:\n${errors.map(formatDiagnostic).join("\n")}`,
    );
  return Object.fromEntries(
    course.assets.flatMap((key) => (tree.assets[key] ? [[key, tree.assets[key]]] : [])),
  );
}
