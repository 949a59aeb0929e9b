// npm run build [-- --course DIR] [--out DIR]: the static site of a course. First the machine
// snapshot (cached; build-snapshot.ts), then Vite bundles the app with the course's lessons and
// files (web/vite/coursePlugin.ts reads COURSE_DIR). The output is plain files: any static
// server, a sub-folder of one, or `npm run kiosk` on a workshop machine serves them.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { build } from "vite";
import { formatSize } from "../web/src/lessons/chapterFiles.ts";
import { courseDirFrom, parseCourseTree, publishedAssets, readCourseTree } from "../web/vite/courseFolder.ts";
import { recordBuiltCourse, WEB_DIST } from "./lib/ensureBuild.ts";
import { REPO_ROOT } from "./lib/paths.ts";

const USAGE = "usage: npm run build -- [--course DIR] [--out DIR]";

function option(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index < 0) return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  const value = argv[index + 1];
  if (!value || value.startsWith("-")) throw new Error(`${name} needs a folder`);
  return value;
}

async function main(argv: readonly string[]): Promise<number> {
  let course: string | undefined;
  let outDir: string;
  try {
    const unknown = argv.filter((a) => a.startsWith("-") && !/^--(course|out)(=|$)/.test(a));
    if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]}`);
    course = courseDirFrom(argv);
    const out = option(argv, "--out");
    outDir = out ? resolve(out) : WEB_DIST;
  } catch (error) {
    console.error(`build: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    // A broken course.yaml or a lesson error stops the build here, each with its file:line:
    // a site is never built from a course lessons:check refuses (the Vite plugin refuses too).
    const tree = readCourseTree(course);
    const parsed = parseCourseTree(tree);
    const assets = publishedAssets(tree, parsed);
    const chapters = parsed.chapters;
    if (course) console.log(`[build] course ${course}: ${chapters.length} chapter(s)`);
    const images = Object.keys(assets).length;
    console.log(
      `[build] ${images} image(s) the lessons link to (no other file next to a lesson is published)`,
    );
    for (const chapter of chapters.filter((c) => c.files.length > 0)) {
      const bytes = chapter.files.reduce((sum, file) => sum + file.size, 0);
      console.log(
        `[build] ${chapter.dir}/files: ${chapter.files.length} file(s), ${formatSize(bytes)} for the guest`,
      );
    }
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build-snapshot.ts"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  if (course) process.env.COURSE_DIR = course;
  else delete process.env.COURSE_DIR;
  await build({
    configFile: resolve(REPO_ROOT, "web", "vite.config.ts"),
    build: { outDir, emptyOutDir: true },
  });
  if (outDir === WEB_DIST) recordBuiltCourse(course);
  console.log(`[build] ${outDir}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
