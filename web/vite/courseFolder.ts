// Reads a course from disk (Node only): the lab's own lessons/, or an instructor's course folder
// (`--course DIR` / COURSE_DIR) with its course.yaml, on its own or beside the built-in chapters
// it keeps. Every chapter gets a key under `lessons/<folder>/`, the one namespace the app, the
// lesson engine and saved progress know; `dirs` says where each chapter really is, so errors
// name the instructor's own files. The Vite plugin and the command-line tools both read here.
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { LANGUAGES, type Language } from "../src/i18n/languages.ts";
import { CHAPTER_FILES_DIR, chapterFileKey, type FileEntry } from "../src/lessons/chapterFiles.ts";
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
  /** `lessons/<folder>/<name>` → absolute path, for images and other assets next to a lesson. */
  assets: Record<string, string>;
  /** Chapter folder → what its `files/` holds. */
  files: Record<string, FileEntry[]>;
  /** `lessons/<folder>/files/<path>` → absolute path. */
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
  return readdirSync(root)
    .filter((name) => !name.startsWith(".") && name !== "node_modules")
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
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

function addChapter(tree: CourseTree, folder: string, absolute: string, cwd: string): void {
  tree.dirs[folder] = displayPath(absolute, cwd);
  tree.absoluteDirs[folder] = absolute;
  for (const name of readdirSync(absolute).sort()) {
    const path = join(absolute, name);
    const key = `lessons/${folder}/${name}`;
    if (name === CHAPTER_FILES_DIR && statSync(path).isDirectory()) {
      const files = walkFiles(path);
      tree.files[folder] = files;
      for (const file of files) tree.filePaths[chapterFileKey(folder, file.path)] = join(path, file.path);
      continue;
    }
    if (!statSync(path).isFile()) continue;
    if (name.endsWith(".md")) {
      tree.sources[key] = readFileSync(path, "utf8");
      tree.sourcePaths[key] = path;
    } else tree.assets[key] = path;
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
