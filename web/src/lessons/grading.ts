// The rules a student's work is judged by, apart from checks: quiz answers, and when a
// challenge gives away its solution. Pure, so the pane and the tests share them.
import type { Answer, StepProgress } from "./progressRecord.ts";
import type { Question, Step } from "./lessonModel.ts";

/**
 * Whether an answer to a quiz is right. Predictions are not graded. A typed answer loads the
 * pattern matcher (RE2, a chunk of its own) on first use.
 */
export async function gradeAnswer(question: Question, value: Answer["value"]): Promise<boolean> {
  if (question.answer === "text") {
    if (typeof value !== "string" || !question.pattern) return false;
    const { answerMatches } = await import("./answerPattern.ts");
    return answerMatches(question.pattern, value);
  }
  if (!Array.isArray(value)) return false;
  const picked = new Set(value);
  return question.choices.every((choice, i) => choice.correct === picked.has(i));
}

/** A step of quizzes is done when each of its quizzes has a right answer. */
export function quizzesPassed(step: Step, progress: StepProgress | undefined): boolean {
  const quizzes = step.questions.filter((q) => q.role === "quiz");
  return quizzes.length > 0 && quizzes.every((q) => progress?.answers?.[q.id]?.correct === true);
}

/** How many times a challenge's student asks before the solution shows. */
export const CHALLENGE_ASKS = 2;

/**
 * What "Show the solution" does now. `offered`: the button shows it. `confirm`: a challenge's
 * first ask only asks "sure?". `locked`: a challenge with `reveal-after` waits for that many
 * failed checks (the number left is given).
 */
export type SolutionGate =
  | { state: "none" }
  | { state: "shown" }
  | { state: "offered" }
  | { state: "confirm" }
  | { state: "locked"; checksLeft: number };

export function solutionGate(step: Step, progress: StepProgress | undefined): SolutionGate {
  if (!step.solution) return { state: "none" };
  if (progress?.solutionShown) return { state: "shown" };
  if (!step.challenge) return { state: "offered" };
  if (step.revealAfter) {
    const left = step.revealAfter - (progress?.failedChecks ?? 0);
    return left > 0 ? { state: "locked", checksLeft: left } : { state: "offered" };
  }
  return (progress?.solutionAsks ?? 0) + 1 >= CHALLENGE_ASKS ? { state: "offered" } : { state: "confirm" };
}
