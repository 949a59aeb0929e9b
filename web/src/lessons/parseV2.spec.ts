// The constructs of lesson format v2: several checks with messages, challenges, quizzes,
// predictions, chapter kinds and set-up, frontmatter Markdown, outro hints.
import { describe, expect, it } from "vitest";
import { FRONTMATTER, parse, where } from "./fixtures/parseHelpers.ts";

/** A step around `body`; its first body line is line 12. */
const inStep = (body: string, attributes = "#a") =>
  parse(`${FRONTMATTER}\n::::step{${attributes}}\n### A\n${body}\n::::\n`);
const CHECK = "```sh check\ntrue\n```";
const SOLUTION = "```sh solution\ntrue\n```";

describe("several checks", () => {
  it("keeps them in order with their messages", () => {
    const lesson = inStep(
      '```sh check message="no cgroup yet"\ntest -d /c\n```\n```sh check message="memory.max is still max"\ntest -f /c/m\n```\n' +
        SOLUTION,
    );
    expect(lesson.diagnostics).toEqual([]);
    expect(lesson.steps[0]?.checks).toEqual([
      { code: "test -d /c", message: "no cgroup yet", line: 12, column: 1 },
      { code: "test -f /c/m", message: "memory.max is still max", line: 15, column: 1 },
    ]);
  });

  it("wants a message on each when there are several, and knows only `message`", () => {
    expect(where(inStep(`${CHECK}\n${CHECK}\n${SOLUTION}`).diagnostics)).toEqual([
      "12:1 check-message-missing",
      "15:1 check-message-missing",
    ]);
    const typo = inStep('```sh check mesage="x"\ntrue\n```\n' + SOLUTION);
    expect(typo.diagnostics.map((d) => d.message)).toEqual([
      '`sh check` takes `message="…"`, not `mesage` (did you mean `message`?)',
    ]);
    expect(where(inStep('```sh run message="x"\ntrue\n```', "#a manual").diagnostics)).toEqual([
      "12:1 unknown-code-flag",
    ]);
    expect(where(inStep("```sh check solution\ntrue\n```\n" + SOLUTION).diagnostics)).toEqual([
      "12:1 unknown-code-flag",
    ]);
  });
});

describe("challenges", () => {
  it("is a checked step with a hidden solution and an optional reveal-after", () => {
    const lesson = inStep(`Reach the goal.\n\n${CHECK}\n${SOLUTION}`, "#a challenge reveal-after=3");
    expect(lesson.diagnostics).toEqual([]);
    expect(lesson.steps[0]).toMatchObject({ challenge: true, revealAfter: 3, manual: false });
  });

  it("rejects run blocks, a missing check and misplaced or bad reveal-after", () => {
    expect(
      where(inStep(`\`\`\`sh run\nls\n\`\`\`\n${CHECK}\n${SOLUTION}`, "#a challenge").diagnostics),
    ).toEqual(["12:1 challenge-run-block"]);
    expect(where(inStep("Text.", "#a challenge").diagnostics)).toEqual([
      "10:1 challenge-attribute",
      "10:1 step-without-check",
    ]);
    expect(where(inStep(`${CHECK}\n${SOLUTION}`, "#a reveal-after=2").diagnostics)).toEqual([
      "10:1 challenge-attribute",
    ]);
    expect(where(inStep(`${CHECK}\n${SOLUTION}`, "#a challenge reveal-after=0").diagnostics)).toEqual([
      "10:1 invalid-attribute",
    ]);
    expect(where(inStep("Text.", "#a challenge manual").diagnostics)).toEqual([
      "10:1 challenge-attribute",
      "10:1 challenge-attribute",
    ]);
  });
});

describe("quizzes", () => {
  const quiz = (attributes: string, body: string) => inStep(`:::quiz{${attributes}}\n${body}\n:::`);

  it("reads a single-choice quiz: prompt, answers, their explanations and the question's", () => {
    const lesson = quiz(
      "#q1",
      "Which one?\n\n- [ ] `a`\n\n  Not a: it is shared.\n\n- [x] **b**\n\n> Because b.",
    );
    expect(lesson.diagnostics).toEqual([]);
    const [q] = lesson.steps[0]?.questions ?? [];
    expect(q).toMatchObject({ id: "q1", role: "quiz", answer: "single", line: 12, column: 1 });
    expect(q?.choices.map((c) => [c.correct, Boolean(c.explanation)])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(q?.explanation?.children.map((n) => n.type)).toEqual(["paragraph"]);
    // In the prose, the quiz is a marker the pane renders; a quiz step needs no check.
    expect(lesson.steps[0]?.body.children).toMatchObject([
      { type: "leafDirective", name: "quiz", attributes: { id: "q1" } },
    ]);
  });

  it("is multiple choice with several right answers or `multiple`, typed with `answer`", () => {
    expect(quiz("#q", "Q?\n\n- [x] a\n- [x] b\n- [ ] c").steps[0]?.questions[0]?.answer).toBe("multiple");
    expect(quiz("#q multiple", "Q?\n\n- [x] a\n- [ ] c").steps[0]?.questions[0]?.answer).toBe("multiple");
    const typed = quiz('#q answer="^pid$"', "Which namespace?");
    expect(typed.diagnostics).toEqual([]);
    expect(typed.steps[0]?.questions[0]).toMatchObject({ answer: "text", pattern: "^pid$" });
  });

  it("reports what is wrong with a quiz, where it is", () => {
    expect(where(quiz("", "Q?\n\n- [x] a\n- [ ] b").diagnostics)).toEqual([
      "10:1 step-without-check",
      "12:1 question-id",
    ]);
    expect(where(quiz("#q", "- [x] a\n- [ ] b").diagnostics)).toEqual(["12:1 question-empty"]);
    expect(where(quiz("#q", "Q?\n\n- [ ] a\n- [ ] b").diagnostics)).toEqual(["15:1 quiz-answer"]);
    expect(where(quiz("#q", "Q?\n\n- [x] a").diagnostics)).toEqual(["15:1 quiz-answer"]);
    expect(where(quiz("#q", "Q?").diagnostics)).toEqual(["12:1 quiz-answer"]);
    expect(where(quiz('#q answer="("', "Q?").diagnostics)).toEqual(["12:1 quiz-answer"]);
    // Patterns are matched by RE2: what it cannot take (a back-reference) is refused here.
    expect(where(quiz('#q answer="^(a)\\1$"', "Q?").diagnostics)).toEqual(["12:1 quiz-answer"]);
    expect(where(quiz('#q answer="x"', "Q?\n\n- [x] a\n- [ ] b").diagnostics)).toEqual(["12:1 quiz-answer"]);
    expect(where(quiz("#q nope", "Q?\n\n- [x] a\n- [ ] b").diagnostics)).toEqual(["12:1 unknown-attribute"]);
  });

  it("must sit directly in a step, not in a checked one, and ids are unique in a step", () => {
    const twice = inStep(
      ":::quiz{#q}\nQ?\n\n- [x] a\n- [ ] b\n:::\n\n:::quiz{#q}\nQ?\n\n- [x] a\n- [ ] b\n:::",
    );
    expect(where(twice.diagnostics)).toEqual(["19:1 question-id"]);
    const checked = inStep(`:::quiz{#q}\nQ?\n\n- [x] a\n- [ ] b\n:::\n${CHECK}\n${SOLUTION}`);
    expect(where(checked.diagnostics)).toEqual(["12:1 quiz-in-checked-step"]);
    const outside = parse(
      `${FRONTMATTER}\n:::quiz{#q}\nQ?\n\n- [x] a\n- [ ] b\n:::\n\n::::step{#a manual}\n### A\n::::\n`,
    );
    expect(where(outside.diagnostics)).toEqual(["10:1 directive-misplaced"]);
  });
});

describe("predictions", () => {
  it("lock the first run block after them", () => {
    const lesson = inStep(
      ":::predict{#p1}\nWhat?\n:::\n\n```sh run\necho 1\n```\n\n:::predict{#p2}\nAnd now?\n\n- [x] 2\n- [ ] 3\n:::\n\n```sh run\necho 2\n```",
      "#a manual",
    );
    expect(lesson.diagnostics).toEqual([]);
    const runs = lesson.steps[0]?.body.children.filter((n) => n.type === "code");
    expect(runs?.map((n) => n.data)).toEqual([
      { lessonAfterPrediction: "p1" },
      { lessonAfterPrediction: "p2" },
    ]);
    expect(lesson.steps[0]?.questions.map((q) => [q.id, q.role, q.answer])).toEqual([
      ["p1", "predict", "text"],
      ["p2", "predict", "single"],
    ]);
  });

  it("warns when nothing runs after a prediction; predictions may be open questions", () => {
    const lesson = inStep(":::predict{#p}\nWhat?\n\n- [ ] a\n- [ ] b\n:::", "#a manual");
    expect(lesson.diagnostics.map((d) => `${d.line} ${d.rule} ${d.severity}`)).toEqual([
      "12 predict-without-run warning",
    ]);
  });
});

describe("chapter kinds, set-up and frontmatter text", () => {
  it("reads kind and setup, and renders summary and objectives as inline Markdown", () => {
    const lesson = parse(
      FRONTMATTER.replace(
        "summary: S",
        "summary: Use `unshare` *now*\nsetup: |\n  rm -rf /x\nkind: template",
      ) + "\n::::step{#a manual}\n### A\n::::\n",
    );
    expect(lesson.diagnostics).toEqual([]);
    expect(lesson.meta).toMatchObject({ kind: "template", setup: "rm -rf /x" });
    expect(lesson.summary.children[0]).toMatchObject({
      type: "paragraph",
      children: [
        { type: "text", value: "Use " },
        { type: "inlineCode", value: "unshare" },
        { type: "text" },
        { type: "emphasis" },
      ],
    });
    expect(lesson.objectives).toHaveLength(1);
  });

  it("a reference chapter has no steps, and hints may sit anywhere in it", () => {
    const reference = FRONTMATTER.replace("difficulty: beginner", "difficulty: beginner\nkind: reference");
    const page = parse(`${reference}\n## Terms\n\nText.\n\n:::hint\nMore.\n:::\n`);
    expect(page.diagnostics).toEqual([]);
    expect(page.outroHints).toHaveLength(1);
    expect(where(parse(`${reference}\n::::step{#a manual}\n### A\n::::\n`).diagnostics)).toEqual([
      "11:1 reference-with-steps",
    ]);
    expect(
      where(
        parse(
          `${FRONTMATTER.replace("difficulty: beginner", "difficulty: beginner\nkind: page")}\n::::step{#a manual}\n### A\n::::\n`,
        ).diagnostics,
      ),
    ).toEqual(["8:7 frontmatter-schema"]);
  });

  it("allows hints in the outro and nowhere else outside steps", () => {
    const lesson = parse(
      `${FRONTMATTER}\n:::hint\nNo.\n:::\n\n::::step{#a manual}\n### A\n::::\n\nDone.\n\n:::hint[Next]\nGo on.\n:::\n`,
    );
    expect(where(lesson.diagnostics)).toEqual(["10:1 directive-misplaced"]);
    expect(lesson.outroHints.map((h) => h.label)).toEqual(["Next"]);
  });
});
