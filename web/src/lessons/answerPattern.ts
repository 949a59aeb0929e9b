// A typed quiz answer's pattern (`answer="^pid$"`), matched by RE2 (the re2js port): its time
// grows with the answer's length only, so no pattern an author writes (`^(a+)+$`) can freeze the
// page while it grades. One home for the syntax: the linter refuses what this cannot compile
// (look-arounds, back-references), and grading compiles the same way.
import { RE2JS } from "re2js";

/** Compiles the pattern, ignoring case; throws with RE2's message for one it cannot take. */
export function compileAnswerPattern(pattern: string): RE2JS {
  return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
}

/** Whether the typed answer (trimmed) matches; false for a pattern that does not compile. */
export function answerMatches(pattern: string, answer: string): boolean {
  try {
    return compileAnswerPattern(pattern).matcher(answer.trim()).find();
  } catch {
    return false;
  }
}
