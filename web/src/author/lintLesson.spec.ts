// Against the real example chapter, as shipped.
import { describe, expect, it } from "vitest";
import { findLessonFile, lessonAssets, lessonSources } from "./authorSources.ts";
import { lintLesson } from "./lintLesson.ts";

const assets = Object.keys(lessonAssets);
const example = findLessonFile("example", "en");

describe("lintLesson", () => {
  it("finds the example chapter's files", () => {
    expect(example?.file).toBe("lessons/00-example/en.md");
    expect(findLessonFile("example", "ja")?.file).toBe("lessons/00-example/ja.md");
    expect(findLessonFile("no-such-chapter", "en")).toBeUndefined();
  });

  it("passes the shipped lesson", () => {
    if (!example) throw new Error("no example chapter");
    const result = lintLesson(lessonSources, assets, example.file, example.source);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.parsed?.steps.length).toBeGreaterThan(0);
  });

  it("reports a broken directive at its line and column", () => {
    if (!example) throw new Error("no example chapter");
    const draft = `${example.source.trimEnd()}\n\n::bogus\n`;
    const line = draft.split("\n").length - 1;
    const { diagnostics } = lintLesson(lessonSources, assets, example.file, draft);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ rule: "unknown-directive", line, column: 1 }),
    );
  });

  it("reports what the draft breaks in the other language's file", () => {
    if (!example) throw new Error("no example chapter");
    const draft = example.source.replace(
      "::::step{#look-around manual}",
      "::::step{#look-around-renamed manual}",
    );
    const { elsewhere } = lintLesson(lessonSources, assets, example.file, draft);
    expect(elsewhere).toContainEqual(
      expect.objectContaining({ file: "lessons/00-example/ja.md", rule: "step-ids-differ" }),
    );
  });
});
