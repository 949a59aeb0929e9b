import { describe, expect, it } from "vitest";
import { buildCourse } from "../../web/src/lessons/buildCourse.ts";
import { chapterText, nextPrefix, titleFromId } from "./chapterTemplate.ts";

describe("the new-chapter template", () => {
  const draft = { id: "first-steps", title: "First steps", today: "2026-12-02" };

  it("lints clean in both languages, with one checked step and a set-up", () => {
    const { chapters } = buildCourse(
      {
        "lessons/01-first-steps/en.md": chapterText("en", draft),
        "lessons/01-first-steps/ja.md": chapterText("ja", draft),
      },
      [],
    );
    expect(chapters[0]?.diagnostics).toEqual([]);
    const lesson = chapters[0]?.lessons.ja;
    expect(lesson?.meta).toMatchObject({ id: "first-steps", title: "First steps" });
    expect(lesson?.meta.setup).toContain("lab_reset_console");
    expect(lesson?.steps.map((s) => [s.id, s.checks.length, Boolean(s.solution)])).toEqual([
      ["hello", 1, true],
    ]);
  });

  it("quotes a title YAML would misread", () => {
    const { chapters } = buildCourse(
      { "lessons/01-x/en.md": chapterText("en", { ...draft, id: "x", title: 'cgroups: "v2" # really' }) },
      [],
      { languages: ["en"] },
    );
    expect(chapters[0]?.diagnostics).toEqual([]);
    expect(chapters[0]?.lessons.en?.meta.title).toBe('cgroups: "v2" # really');
  });

  it("numbers after the last chapter, leaving 90-99 to reference pages", () => {
    expect(nextPrefix([])).toBe("01");
    expect(nextPrefix(["00-example", "08-capstone", "99-glossary"])).toBe("09");
    expect(nextPrefix(["01-a", "notes"])).toBe("02");
    expect(titleFromId("uts-namespace")).toBe("Uts namespace");
  });
});
