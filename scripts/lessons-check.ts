// npm run lessons:check [--course DIR] [--lint-only] [--pass PASS] [--json FILE] [path…]
// Lints the lessons, then proves each chapter in the real guest (v86 under Node), twice: in
// course order on one machine, typing what the lessons print (as a student meets them), and on
// a fresh machine, typing the solutions (as a student who jumps straight to a chapter). A
// chapter's `setup:` is what makes both work. `--pass` runs one of the two. Exit status 1 on any
// lint error or failed step, 2 on a usage error.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { displayPath } from "../web/vite/courseFolder.ts";
import type { Chapter } from "../web/src/lessons/buildCourse.ts";
import { chapterFileKey, formatSize, guestFilesDir } from "../web/src/lessons/chapterFiles.ts";
import { hasErrors } from "../web/src/lessons/lessonModel.ts";
import { IMAGE_FILES } from "../web/src/vm/guestConfig.ts";
import { parseLessonCheckArgs, USAGE, type LessonCheckArgs } from "./lib/lessonCheckArgs.ts";
import {
  runChapterInGuest,
  type ChapterResult,
  type ChapterStart,
  type Typing,
} from "./lib/lessonGuestRun.ts";
import {
  formatChapterSummary,
  formatDiagnostics,
  formatStep,
  formatTotals,
  reportJson,
} from "./lib/lessonReport.ts";
import { readLessonTree, selectChapters, type LessonTree } from "./lib/lessonSources.ts";
import { NodeGuest } from "./lib/nodeGuest.ts";
import { studentMachine } from "./lib/snapshot.ts";
import { DIST_DIR } from "./lib/paths.ts";

async function main(argv: readonly string[]): Promise<number> {
  let args: LessonCheckArgs;
  let chapters: Chapter[];
  let tree: LessonTree;
  try {
    args = parseLessonCheckArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    // The whole course is parsed even for one chapter: links and prerequisites point across chapters.
    tree = readLessonTree(args.course);
    chapters = selectChapters(tree.chapters, args.paths, tree, process.cwd());
  } catch (error) {
    console.error(`lessons:check: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }

  const diagnostics = chapters.flatMap((chapter) => chapter.diagnostics);
  for (const line of formatDiagnostics(diagnostics)) console.log(line);
  if (tree.config && tree.courseDir) {
    const courseDir = tree.courseDir;
    const own = chapters.filter((c) => tree.absoluteDirs[c.folder]?.startsWith(courseDir)).length;
    console.log(
      `course ${displayPath(courseDir, process.cwd())}: ${own} chapter(s) of its own, ${chapters.length - own} of the lab's, in ${tree.languages.join(" and ")}`,
    );
  }
  for (const chapter of chapters.filter((c) => c.files.length > 0)) {
    const total = chapter.files.reduce((sum, file) => sum + file.size, 0);
    console.log(
      `${tree.dirs[chapter.folder]}/files: ${chapter.files.length} file(s), ${formatSize(total)} → ${guestFilesDir(chapter.id)}`,
    );
    for (const file of chapter.files)
      console.log(`  ${file.path}  ${formatSize(file.size)}  ${file.mode.toString(8)}`);
  }

  const results: ChapterResult[] = [];
  // A reference page has nothing to run; it is linted like the rest.
  const kind = (chapter: Chapter) => Object.values(chapter.lessons)[0]?.meta.kind;
  const provable = chapters.filter(
    (chapter) =>
      !hasErrors(chapter.diagnostics) &&
      Object.keys(chapter.lessons).length > 0 &&
      kind(chapter) !== "reference",
  );
  for (const chapter of chapters) {
    if (!provable.includes(chapter) && !args.lintOnly && kind(chapter) !== "reference")
      console.log(`${chapter.dir}: not run in the guest (fix its errors first)`);
  }
  if (!args.lintOnly && provable.length > 0) {
    if (!existsSync(join(DIST_DIR, IMAGE_FILES.kernel))) {
      console.error(
        `lessons:check: no guest image in ${DIST_DIR}; build it with \`npm run vm:build\`, or pass --lint-only`,
      );
      return 1;
    }
    const machineStarted = Date.now();
    const fresh = await studentMachine();
    console.log(`student's machine ready in ${((Date.now() - machineStarted) / 1000).toFixed(1)} s`);
    // One emulator per pass: a fresh machine is the student's snapshot put back into it (as the
    // app's "Reset machine" does), the same guest state as a new emulator without loading v86
    // and the lazy files again.
    const guest = await NodeGuest.restore(fresh);
    try {
      if (args.passes.includes("course-order")) {
        // Typing what the lessons print, as a student reading them does: chapter n starts
        // where chapter n-1's run blocks left it.
        let previous: Chapter | null = null;
        for (const chapter of provable) {
          const start: ChapterStart = previous ? `after ${previous.id}` : "fresh";
          results.push(await proveChapter(chapter, tree, guest, start, "as-printed"));
          previous = chapter;
        }
      }
      if (args.passes.includes("fresh")) {
        // A fresh machine for every chapter, typing the solutions.
        let used = args.passes.includes("course-order");
        for (const chapter of provable) {
          if (used) await guest.reload(fresh);
          used = true;
          results.push(await proveChapter(chapter, tree, guest, "fresh", "solutions"));
        }
      }
    } finally {
      guest.destroy();
    }
  }

  console.log(formatTotals(diagnostics, results, chapters.length));
  if (args.json) writeFileSync(args.json, reportJson({ chapters: results, diagnostics }));
  return hasErrors(diagnostics) || results.some((r) => r.failed > 0) ? 1 : 0;
}

async function proveChapter(
  chapter: Chapter,
  tree: LessonTree,
  guest: NodeGuest,
  start: ChapterStart,
  typing: Typing,
): Promise<ChapterResult> {
  const lesson = chapter.lessons.en ?? Object.values(chapter.lessons)[0];
  if (!lesson) throw new Error(`${chapter.dir} has no lesson`);
  // Checks and commands are the same in every language (the linter makes sure), so one proves them all.
  console.log(
    `${chapter.dir} (${lesson.meta.id}), ${start === "fresh" ? "on a fresh machine" : start.replace("after ", "after chapter ")}, ` +
      (typing === "as-printed" ? "typing what the lesson prints" : "typing the solutions"),
  );
  const width = Math.max(8, ...lesson.steps.map((s) => s.id.length));
  const started = Date.now();
  const run = await runChapterInGuest(
    guest,
    lesson,
    (step) => {
      for (const line of formatStep(step, width)) console.log(line);
    },
    {
      files: chapter.files,
      read: async (file) => {
        const path = tree.filePaths[chapterFileKey(chapter.folder, file.path)];
        if (!path) throw new Error("not in the course folder");
        return new Uint8Array(readFileSync(path));
      },
    },
    typing,
  );
  const result = { ...run, start, typing, ms: Date.now() - started };
  console.log(formatChapterSummary(result));
  return result;
}

process.exitCode = await main(process.argv.slice(2));
// v86 keeps timers alive after destroy(); the verdict is in, so leave now.
process.exit();
