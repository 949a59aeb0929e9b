import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLesson } from "./parseLesson.ts";

// The examples in lessons/README.md must be lessons the parser accepts, in both languages.
const readme = readFileSync(new URL("../../../lessons/README.md", import.meta.url), "utf8");
const sections = readme.split("# レッスンの書き方");

function fenced(section: string, opener: string): string {
  const start = section.indexOf(`${opener}\n`);
  const close = opener.startsWith("````") ? "\n````\n" : "\n```\n";
  const end = section.indexOf(close, start + opener.length);
  if (start < 0 || end < 0) throw new Error(`no ${opener} block`);
  return section.slice(start + opener.length + 1, end + 1);
}

describe.each([
  ["English", sections[0] ?? ""],
  ["Japanese", sections[1] ?? ""],
])("lessons/README.md (%s)", (_language, section) => {
  it("shows frontmatter and a step that parse without a problem", () => {
    const frontmatter = fenced(section, "```yaml");
    const step = fenced(section, "````markdown");
    const lesson = parseLesson(`${frontmatter}\n${step}`, "README.md", "en");
    expect(lesson.diagnostics).toEqual([]);
    expect(
      lesson.steps.map((s) => [
        s.id,
        s.hints.length,
        s.panels.length,
        Boolean(s.checks.length && s.solution),
      ]),
    ).toEqual([["set-hostname", 2, 1, true]]);
  });
});

describe.each([
  ["English", sections[0] ?? ""],
  ["Japanese", sections[1] ?? ""],
])("lessons/README.md quiz and prediction examples (%s)", (_language, section) => {
  const frontmatter = fenced(section, "```yaml");
  const inStep = (block: string, id: string) =>
    parseLesson(`${frontmatter}\n::::step{#${id}}\n### T\n\n${block}\n::::\n`, "README.md", "en");

  it("the quiz parses as a graded single-choice question with explanations", () => {
    const lesson = inStep(fenced(section.slice(section.indexOf("```markdown\n:::quiz")), "```markdown"), "q");
    expect(lesson.diagnostics).toEqual([]);
    const [quiz] = lesson.steps[0]?.questions ?? [];
    expect(quiz).toMatchObject({ id: "which-namespace", role: "quiz", answer: "single" });
    expect(quiz?.choices.map((c) => [c.correct, Boolean(c.explanation)])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(quiz?.explanation).toBeDefined();
  });

  it("the prediction parses and locks the run block below it", () => {
    const lesson = inStep(
      fenced(section.slice(section.indexOf("````markdown\n:::predict")), "````markdown"),
      "p",
    );
    const step = lesson.steps[0];
    expect(lesson.diagnostics.filter((d) => d.rule !== "step-without-check")).toEqual([]);
    expect(step?.questions[0]).toMatchObject({ id: "pid-inside", role: "predict", answer: "single" });
    const run = step?.body.children.find((n) => n.type === "code");
    expect(run?.data).toMatchObject({ lessonAfterPrediction: "pid-inside" });
  });
});
