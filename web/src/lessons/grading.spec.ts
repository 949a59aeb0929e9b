import { describe, expect, it } from "vitest";
import { gradeAnswer, quizzesPassed, solutionGate } from "./grading.ts";
import type { Question, Step } from "./lessonModel.ts";

const root = { type: "root" as const, children: [] };
const choice = (correct: boolean) => ({ label: root, correct });
const question = (over: Partial<Question>): Question => ({
  id: "q",
  role: "quiz",
  answer: "single",
  prompt: root,
  choices: [choice(false), choice(true), choice(false)],
  line: 1,
  column: 1,
  ...over,
});
const step = (over: Partial<Step>): Step => ({
  id: "s",
  title: "S",
  manual: false,
  challenge: false,
  line: 1,
  column: 1,
  body: root,
  runBlocks: [],
  checks: [{ code: "true", line: 1, column: 1 }],
  solution: { code: "true", line: 1, column: 1 },
  hints: [],
  panels: [],
  questions: [],
  ...over,
});

describe("gradeAnswer", () => {
  it("single and multiple choice: exactly the right answers", async () => {
    expect(await gradeAnswer(question({}), [1])).toBe(true);
    expect(await gradeAnswer(question({}), [0])).toBe(false);
    const multiple = question({ answer: "multiple", choices: [choice(true), choice(true), choice(false)] });
    expect(await gradeAnswer(multiple, [0, 1])).toBe(true);
    expect(await gradeAnswer(multiple, [0])).toBe(false);
    expect(await gradeAnswer(multiple, [0, 1, 2])).toBe(false);
    expect(await gradeAnswer(multiple, "0,1")).toBe(false);
  });

  it("typed answers: the pattern, trimmed and ignoring case", async () => {
    const typed = question({ answer: "text", choices: [], pattern: "^/proc/self/ns/pid$" });
    expect(await gradeAnswer(typed, "  /PROC/self/ns/pid \n")).toBe(true);
    expect(await gradeAnswer(typed, "/proc/self/ns/uts")).toBe(false);
    expect(await gradeAnswer(typed, [0])).toBe(false);
    expect(await gradeAnswer(question({ answer: "text", choices: [], pattern: "(" }), "(")).toBe(false);
  });

  it("a pattern that backtracks catastrophically in JavaScript grades in linear time", async () => {
    // With RegExp each extra character doubles the time: 30 took 5 s here, 32 about 20 s.
    const evil = question({ answer: "text", choices: [], pattern: "^(a+)+$" });
    const started = performance.now();
    expect(await gradeAnswer(evil, `${"a".repeat(32)}!`)).toBe(false);
    expect(await gradeAnswer(evil, "a".repeat(32))).toBe(true);
    // Not a speed figure: RE2 takes milliseconds, backtracking tens of seconds; the bound sits
    // a thousand times above the one and well below the other.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("quizzesPassed", () => {
  it("needs a right answer to every quiz, and ignores predictions", () => {
    const s = step({
      checks: [],
      solution: null,
      questions: [question({ id: "a" }), question({ id: "b" }), question({ id: "p", role: "predict" })],
    });
    const answer = (correct: boolean) => ({ value: [1], correct, tries: 1, at: 1 });
    expect(quizzesPassed(s, { answers: { a: answer(true) } })).toBe(false);
    expect(quizzesPassed(s, { answers: { a: answer(true), b: answer(false) } })).toBe(false);
    expect(quizzesPassed(s, { answers: { a: answer(true), b: answer(true) } })).toBe(true);
    expect(quizzesPassed(step({}), {})).toBe(false);
  });
});

describe("solutionGate", () => {
  it("offers an ordinary step's solution at once", () => {
    expect(solutionGate(step({}), undefined)).toEqual({ state: "offered" });
    expect(solutionGate(step({}), { solutionShown: true })).toEqual({ state: "shown" });
    expect(solutionGate(step({ solution: null }), undefined)).toEqual({ state: "none" });
  });

  it("makes a challenge's student ask twice", () => {
    const challenge = step({ challenge: true });
    expect(solutionGate(challenge, undefined)).toEqual({ state: "confirm" });
    expect(solutionGate(challenge, { solutionAsks: 1 })).toEqual({ state: "offered" });
  });

  it("with reveal-after, waits for that many failed checks", () => {
    const challenge = step({ challenge: true, revealAfter: 3 });
    expect(solutionGate(challenge, { failedChecks: 1, solutionAsks: 5 })).toEqual({
      state: "locked",
      checksLeft: 2,
    });
    expect(solutionGate(challenge, { failedChecks: 3 })).toEqual({ state: "offered" });
  });
});
