// `npm start`, `npm run kiosk` and the e2e tests serve the production build in web/dist; this
// rebuilds it when it is missing, older than what it is built from, or built for another course.
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { courseDirFrom } from "../../web/vite/courseFolder.ts";
import { DIST_DIR, REPO_ROOT } from "./paths.ts";

export const WEB_DIST = join(REPO_ROOT, "web", "dist");
/** Which course web/dist holds; kept out of web/dist, which is published as it is. */
const BUILT_COURSE = join(REPO_ROOT, "web", ".cache", "built-course");
const SOURCES = [
  "web/src",
  "web/index.html",
  "web/vite.config.ts",
  "web/vite",
  "lessons",
  "package-lock.json",
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

export function recordBuiltCourse(course: string | undefined): void {
  mkdirSync(dirname(BUILT_COURSE), { recursive: true });
  writeFileSync(BUILT_COURSE, course ?? "");
}

function builtCourse(): string | undefined {
  if (!existsSync(BUILT_COURSE)) return undefined;
  return readFileSync(BUILT_COURSE, "utf8") || undefined;
}

export function buildIsCurrent(course?: string): boolean {
  const index = join(WEB_DIST, "index.html");
  const builtManifest = join(WEB_DIST, "image", "manifest.json");
  if (!existsSync(index) || !existsSync(builtManifest)) return false;
  if (readFileSync(builtManifest, "utf8") !== readFileSync(join(DIST_DIR, "manifest.json"), "utf8"))
    return false;
  if (builtCourse() !== course) return false;
  const built = statSync(index).mtimeMs;
  const sources = [...SOURCES.map((source) => join(REPO_ROOT, source)), ...(course ? [course] : [])];
  return sources.every((source) => newest(source) <= built);
}

/** Builds web/dist for `course` (an instructor's folder; the lab's own lessons/ when absent) unless it is current. */
export function ensureBuild(course?: string): void {
  if (buildIsCurrent(course)) return;
  const command = `npm run build${course ? ` -- --course ${JSON.stringify(course)}` : ""}`;
  console.log(`[build] the production build is missing, stale or of another course: ${command}`);
  execSync(command, { cwd: REPO_ROOT, stdio: "inherit" });
}

/**
 * For `npm start` and `npm run kiosk`: web/dist built for the course on the command line
 * (`--course DIR` or COURSE_DIR), or the lab's own; a bad `--course` ends the command.
 */
export function ensureBuildFromArgs(argv: readonly string[]): void {
  let course: string | undefined;
  try {
    course = courseDirFrom(argv);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  ensureBuild(course);
}
