// npm run lessons:check [--lint-only] [--json FILE] [path…]
// Lints the lessons, then proves each chapter in the real guest (v86 under Node), twice: in
// course order on one machine (each chapter after the previous one's solutions, as a student
// meets it), and on a fresh machine (as a student who jumps straight to it). A chapter's
// `setup:` is what makes both work. Exit status 1 on any lint error or failed step, 2 on a
// usage error.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildCourse, type Chapter } from "../web/src/lessons/buildCourse.ts";
import { hasErrors } from "../web/src/lessons/lessonModel.ts";
import { IMAGE_FILES } from "../web/src/vm/guestConfig.ts";
import { parseLessonCheckArgs, USAGE, type LessonCheckArgs } from "./lib/lessonCheckArgs.ts";
import { runChapterInGuest, type ChapterResult, type ChapterStart } from "./lib/lessonGuestRun.ts";
import {
  formatChapterSummary,
  formatDiagnostics,
  formatStep,
  formatTotals,
  reportJson,
} from "./lib/lessonReport.ts";
import { readLessonTree, selectChapters } from "./lib/lessonSources.ts";
import { NodeGuest } from "./lib/nodeGuest.ts";
import { DIST_DIR, REPO_ROOT } from "./lib/paths.ts";

async function main(argv: readonly string[]): Promise<number> {
  let args: LessonCheckArgs;
  let chapters: Chapter[];
  try {
    args = parseLessonCheckArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    // The whole course is parsed even for one chapter: links and prerequisites point across chapters.
    const tree = readLessonTree(REPO_ROOT);
    chapters = selectChapters(
      buildCourse(tree.sources, tree.assets).chapters,
      args.paths,
      REPO_ROOT,
      process.cwd(),
    );
  } catch (error) {
    console.error(`lessons:check: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }

  const diagnostics = chapters.flatMap((chapter) => chapter.diagnostics);
  for (const line of formatDiagnostics(diagnostics)) console.log(line);

  const results: ChapterResult[] = [];
  // A reference page has nothing to run; it is linted like the rest.
  const provable = chapters.filter(
    (chapter) =>
      !hasErrors(chapter.diagnostics) && chapter.lessons.en && chapter.lessons.en.meta.kind !== "reference",
  );
  for (const chapter of chapters) {
    if (!provable.includes(chapter) && !args.lintOnly && chapter.lessons.en?.meta.kind !== "reference")
      console.log(`lessons/${chapter.folder}: not run in the guest (fix its errors first)`);
  }
  if (!args.lintOnly && provable.length > 0) {
    if (!existsSync(join(DIST_DIR, IMAGE_FILES.kernel))) {
      console.error(
        `lessons:check: no guest image in ${DIST_DIR}; build it with \`npm run vm:build\`, or pass --lint-only`,
      );
      return 1;
    }
    const bootStarted = Date.now();
    const booted = await NodeGuest.boot();
    const fresh = await booted.save();
    booted.destroy();
    console.log(`guest booted and saved in ${((Date.now() - bootStarted) / 1000).toFixed(1)} s`);
    // Course order, one machine: chapter n starts where chapter n-1's solutions left it.
    const chained = await NodeGuest.restore(fresh);
    try {
      let previous: Chapter | null = null;
      for (const chapter of provable) {
        results.push(await proveChapter(chapter, chained, previous ? `after ${previous.id}` : "fresh"));
        previous = chapter;
      }
    } finally {
      chained.destroy();
    }
    // Fresh machines, for every chapter the course-order run did not already start fresh.
    for (const chapter of provable.slice(1)) {
      const guest = await NodeGuest.restore(fresh);
      try {
        results.push(await proveChapter(chapter, guest, "fresh"));
      } finally {
        guest.destroy();
      }
    }
  }

  console.log(formatTotals(diagnostics, results, chapters.length));
  if (args.json) writeFileSync(args.json, reportJson({ chapters: results, diagnostics }));
  return hasErrors(diagnostics) || results.some((r) => r.failed > 0) ? 1 : 0;
}

async function proveChapter(chapter: Chapter, guest: NodeGuest, start: ChapterStart): Promise<ChapterResult> {
  const lesson = chapter.lessons.en;
  if (!lesson) throw new Error(`lessons/${chapter.folder} has no English lesson`);
  // Checks and commands are the same in every language (the linter makes sure), so English proves them all.
  console.log(
    `lessons/${chapter.folder} (${lesson.meta.id}), ${start === "fresh" ? "on a fresh machine" : start.replace("after ", "after chapter ")}`,
  );
  const width = Math.max(8, ...lesson.steps.map((s) => s.id.length));
  const started = Date.now();
  const run = await runChapterInGuest(guest, lesson, (step) => {
    for (const line of formatStep(step, width)) console.log(line);
  });
  const result = { ...run, start, ms: Date.now() - started };
  console.log(formatChapterSummary(result));
  return result;
}

process.exitCode = await main(process.argv.slice(2));
// v86 keeps timers alive after destroy(); the verdict is in, so leave now.
process.exit();
