// The shapes a parsed lesson takes: shared by the app, the validator and lessons:check.
// Bodies stay as mdast (plain JSON) so the app renders them through one sanitizing pipeline.
import type { Root } from "mdast";
import type { Language } from "../i18n/languages.ts";
import type { Rule } from "./lessonRules.ts";

export type { Language };

/** Panels a step may ask the UI to focus. */
export const PANEL_NAMES = ["namespaces", "cgroups", "processes", "mounts"] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

export const DIFFICULTIES = ["beginner", "intermediate", "advanced"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/**
 * `lesson`: steps the student works through. `reference`: reading material without steps
 * (the glossary). `template`: the authors' example, proven like a lesson but not in the
 * students' chapter list.
 */
export const CHAPTER_KINDS = ["lesson", "reference", "template"] as const;
export type ChapterKind = (typeof CHAPTER_KINDS)[number];

/**
 * What "Restart this chapter" does: `setup` runs the chapter's set-up again; `fresh` puts a
 * fresh machine in place (for chapters whose start no script can bring back), and the set-up
 * then runs on it as on any fresh machine.
 */
export const RESTART_MODES = ["setup", "fresh"] as const;
export type RestartMode = (typeof RESTART_MODES)[number];

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
  kind: ChapterKind;
  /** Run by the agent as root when the chapter is opened or restarted: brings the machine to its start. */
  setup?: string;
  restart: RestartMode;
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

/** One of a step's checks: a bash script the agent runs; exit 0 passes. */
export interface Check extends ShellBlock {
  /**
   * Shown (in the lesson's language) when this is the first of the step's checks that fails:
   * "the cgroup exists, but memory.max is still max". Scripts are the same in every language.
   */
  message?: string;
}

/** An answer a student may pick in a quiz or a prediction. */
export interface Choice {
  label: Root;
  /** A quiz's right answers; in a prediction, what will really happen (none: an open question). */
  correct: boolean;
  /** Shown once the student picked this answer. */
  explanation?: Root;
}

/**
 * `quiz`: graded; a step made of quizzes is done when every one is answered right.
 * `predict`: asked before the run blocks below it unlock, then shown next to what happened.
 */
export const QUESTION_ROLES = ["quiz", "predict"] as const;
export type QuestionRole = (typeof QUESTION_ROLES)[number];

export interface Question extends SourcePoint {
  id: string;
  role: QuestionRole;
  /** `single` and `multiple` pick from `choices`; `text` is typed (and, in a quiz, matched by `pattern`). */
  answer: "single" | "multiple" | "text";
  prompt: Root;
  choices: Choice[];
  /** A text quiz's accepted answers: a regular expression, matched case-insensitively against the trimmed answer. */
  pattern?: string;
  /** Shown once the question is answered (a quiz: answered right). */
  explanation?: Root;
}

export interface Step extends SourcePoint {
  id: string;
  title: string;
  /** A reading step: no check, the student marks it done. */
  manual: boolean;
  /** A goal with checks but no run blocks; the solution shows only after the student asks twice (or `revealAfter` failed checks). */
  challenge: boolean;
  /** Failed "Check now" presses after which a challenge offers its solution. */
  revealAfter?: number;
  /** Prose shown to the student: run blocks, questions and panel buttons stay inline; checks, solution and hints are taken out. */
  body: Root;
  runBlocks: ShellBlock[];
  /** In order; the step is done when all pass. */
  checks: Check[];
  solution: ShellBlock | null;
  hints: Hint[];
  panels: PanelRequest[];
  /** Quizzes and predictions, in the order they appear in the body. */
  questions: Question[];
}

/** How a step is completed: its checks, its quizzes, or the student's "Mark as done". */
export function stepCompletion(step: Step): "checks" | "quizzes" | "manual" {
  if (step.checks.length > 0) return "checks";
  if (step.questions.some((q) => q.role === "quiz")) return "quizzes";
  return "manual";
}

export interface Lesson {
  file: string;
  language: Language;
  meta: LessonMeta;
  /** `meta.summary` and `meta.objectives` as inline Markdown. */
  summary: Root;
  objectives: Root[];
  intro: Root;
  steps: Step[];
  /** Text after the last step, shown once the chapter is complete (a reference page: always). */
  outro: Root;
  outroHints: Hint[];
  /** A reference page's headings with ids, which links may point at. */
  sections: { id: string; title: string }[];
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
