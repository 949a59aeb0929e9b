// What lessons:check prints and writes: diagnostics as file:line:col lines, a line per step
// proved in the guest, a summary per chapter, and the JSON report for CI.
import { formatDiagnostic, type Diagnostic } from "../../web/src/lessons/lessonModel.ts";
import type { ChapterResult, StepResult } from "./lessonGuestRun.ts";

export interface LessonReport {
  chapters: ChapterResult[];
  diagnostics: Diagnostic[];
}

const MARK: Record<StepResult["status"], string> = { pass: "✓", fail: "✗", skipped: "-" };

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(formatDiagnostic);
}

export function formatStep(result: StepResult, width: number): string[] {
  const lines = [
    `  ${MARK[result.status]} ${result.id.padEnd(width)}  ${seconds(result.ms)}${result.message ? `  ${result.message}` : ""}`,
  ];
  if (result.detail) lines.push(...result.detail.split("\n").map((line) => `      ${line}`));
  return lines;
}

export function formatChapterSummary(result: ChapterResult): string {
  return `  ${result.steps} step${result.steps === 1 ? "" : "s"}: ${result.passed} passed, ${result.failed} failed, ${seconds(result.ms)}`;
}

export function formatTotals(
  diagnostics: readonly Diagnostic[],
  chapters: readonly ChapterResult[],
  lintedChapters: number,
): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const lint = `${lintedChapters} chapter${lintedChapters === 1 ? "" : "s"} linted: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  if (chapters.length === 0) return lint;
  const steps = chapters.reduce((n, c) => n + c.steps, 0);
  const failed = chapters.reduce((n, c) => n + c.failed, 0);
  return `${lint}; guest: ${steps} steps, ${steps - failed} passed, ${failed} failed`;
}

export function reportJson(report: LessonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
