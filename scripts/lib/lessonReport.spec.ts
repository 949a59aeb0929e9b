import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../web/src/lessons/lessonModel.ts";
import type { ChapterResult } from "./lessonGuestRun.ts";
import {
  formatChapterSummary,
  formatDiagnostics,
  formatStep,
  formatTotals,
  reportJson,
} from "./lessonReport.ts";

const diagnostic: Diagnostic = {
  file: "lessons/00-x/en.md",
  line: 12,
  column: 3,
  severity: "error",
  rule: "unknown-directive",
  message: "unknown directive `hnit`",
};
const chapter: ChapterResult = {
  id: "x",
  steps: 2,
  passed: 1,
  failed: 1,
  ms: 2345,
  results: [
    { id: "one", status: "pass", ms: 1200 },
    {
      id: "second",
      status: "fail",
      ms: 800,
      message: "the check fails after the solution ran (exit 1)",
      detail: "check stderr: nope",
    },
  ],
};

describe("lessons:check report", () => {
  it("prints diagnostics as file:line:col", () => {
    expect(formatDiagnostics([diagnostic])).toEqual([
      "lessons/00-x/en.md:12:3: error [unknown-directive] unknown directive `hnit`",
    ]);
  });

  it("prints a line per step, details indented, and a chapter summary", () => {
    expect(chapter.results.flatMap((r) => formatStep(r, 6))).toEqual([
      "  ✓ one     1.2 s",
      "  ✗ second  0.8 s  the check fails after the solution ran (exit 1)",
      "      check stderr: nope",
    ]);
    expect(formatChapterSummary(chapter)).toBe("  2 steps: 1 passed, 1 failed, 2.3 s");
  });

  it("totals lint and guest results", () => {
    expect(formatTotals([diagnostic], [], 1)).toBe("1 chapter linted: 1 error, 0 warnings");
    expect(formatTotals([], [chapter], 2)).toBe(
      "2 chapters linted: 0 errors, 0 warnings; guest: 2 steps, 1 passed, 1 failed",
    );
  });

  it("writes the JSON report with the documented fields", () => {
    const json = JSON.parse(reportJson({ chapters: [chapter], diagnostics: [] })) as {
      chapters: Record<string, unknown>[];
    };
    expect(json.chapters[0]).toMatchObject({ id: "x", steps: 2, passed: 1, failed: 1, ms: 2345 });
  });
});
