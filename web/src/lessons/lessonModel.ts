// The shapes a parsed lesson takes: shared by the app, the validator and lessons:check.
// Bodies stay as mdast (plain JSON) so the app renders them through one sanitizing pipeline.
import type { Root } from "mdast";
import type { Language } from "../i18n/languageStore.ts";
import type { Rule } from "./lessonRules.ts";

export type { Language };

/** Panels a step may ask the UI to focus. */
export const PANEL_NAMES = ["namespaces", "cgroups", "processes", "mounts"] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

export const DIFFICULTIES = ["beginner", "intermediate", "advanced"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface LessonMeta {
  id: string;
  title: string;
  summary: string;
  objectives: string[];
  estimatedMinutes: number;
  prerequisites: string[];
  difficulty: Difficulty;
  tags: string[];
  authors: string[];
  updated?: string;
}

export interface SourcePoint {
  line: number;
  column: number;
}

/** A shell block: its text and where it starts (the opening fence). */
export interface ShellBlock extends SourcePoint {
  code: string;
}

export interface PanelRequest extends SourcePoint {
  name: PanelName;
  highlight?: string;
}

export interface Hint {
  /** The `:::hint[label]`, if the author gave one. */
  label?: string;
  body: Root;
}

export interface Step extends SourcePoint {
  id: string;
  title: string;
  /** A reading step: no check, the student marks it done. */
  manual: boolean;
  /** Prose shown to the student: run blocks and panel buttons stay inline; check, solution and hints are taken out. */
  body: Root;
  runBlocks: ShellBlock[];
  check: ShellBlock | null;
  solution: ShellBlock | null;
  hints: Hint[];
  panels: PanelRequest[];
}

export interface Lesson {
  file: string;
  language: Language;
  meta: LessonMeta;
  intro: Root;
  steps: Step[];
  /** Text after the last step, shown once the chapter is complete. */
  outro: Root;
}

export type Severity = "error" | "warning";

export interface Diagnostic extends SourcePoint {
  file: string;
  severity: Severity;
  /** Stable rule code, e.g. `unknown-directive`; explained in lessons/README.md. */
  rule: Rule;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} [${d.rule}] ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
