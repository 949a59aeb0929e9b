import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCourse } from "../../web/src/lessons/buildCourse.ts";
import { REPO_ROOT } from "./paths.ts";
import { readLessonTree, selectChapters } from "./lessonSources.ts";

describe("the repository's lessons", () => {
  const tree = readLessonTree(undefined, REPO_ROOT);
  const course = { chapters: tree.chapters };

  it("include the example chapter in both languages, with its diagram", () => {
    expect(Object.keys(tree.sources)).toEqual(
      expect.arrayContaining(["lessons/00-example/en.md", "lessons/00-example/ja.md"]),
    );
    expect(Object.keys(tree.assets)).toEqual(
      expect.arrayContaining([
        "lessons/00-example/uts-namespace.en.svg",
        "lessons/00-example/uts-namespace.ja.svg",
      ]),
    );
  });

  it("lint clean: no errors and no warnings", () => {
    expect(course.chapters.flatMap((c) => c.diagnostics)).toEqual([]);
  });

  it("the example chapter uses every feature of the format", () => {
    const lesson = course.chapters.find((c) => c.id === "example")?.lessons.en;
    const steps = lesson?.steps ?? [];
    expect(steps.some((s) => s.manual)).toBe(true);
    expect(lesson?.meta).toMatchObject({ kind: "template" });
    expect(lesson?.meta.setup).toContain("lab_reset_console");
    const checked = steps.filter((s) => s.checks.length > 0);
    expect(checked.every((s) => s.solution)).toBe(true);
    expect(checked.some((s) => s.checks.length > 1 && s.checks.every((c) => c.message))).toBe(true);
    expect(steps.some((s) => s.challenge)).toBe(true);
    const questions = steps.flatMap((s) => s.questions);
    expect(new Set(questions.map((q) => `${q.role}:${q.answer}`))).toEqual(
      new Set(["quiz:single", "quiz:text", "predict:single"]),
    );
    expect(lesson?.outroHints.length).toBeGreaterThan(0);
    expect(steps.some((s) => s.hints.length > 1)).toBe(true);
    expect(steps.some((s) => s.hints.some((h) => h.label))).toBe(true);
    expect(new Set(steps.flatMap((s) => s.panels.map((p) => p.name)))).toEqual(
      new Set(["namespaces", "cgroups", "processes"]),
    );
    expect(steps.some((s) => s.panels.some((p) => p.highlight))).toBe(true);
    expect(steps.some((s) => s.runBlocks.length > 1)).toBe(true);
    expect(lesson?.intro.children.some((n) => n.type === "table")).toBe(true);
    expect(lesson?.outro.children.length).toBeGreaterThan(0);
    const markdown = tree.sources["lessons/00-example/en.md"] ?? "";
    expect(markdown).toMatch(/!\[[^\]]+\]\(\.\/uts-namespace\.en\.svg\)/);
    expect(markdown).toMatch(/\]\(#\/chapter\/example\/step\/[a-z-]+\)/);
  });
});

describe("selectChapters", () => {
  const chapters = buildCourse(
    {
      "lessons/00-a/en.md": "",
      "lessons/01-b/en.md": "",
    },
    [],
  ).chapters;
  const lessons = join(REPO_ROOT, "lessons");
  const tree = { absoluteDirs: { "00-a": join(lessons, "00-a"), "01-b": join(lessons, "01-b") } };
  const pick = (...paths: string[]) => selectChapters(chapters, paths, tree, REPO_ROOT).map((c) => c.folder);

  it("takes everything by default or for lessons/", () => {
    expect(pick()).toEqual(["00-a", "01-b"]);
    expect(pick("lessons")).toEqual(["00-a", "01-b"]);
    expect(pick("lessons/")).toEqual(["00-a", "01-b"]);
  });

  it("takes a chapter by folder or by file, relative to the working directory or absolute", () => {
    expect(pick("lessons/01-b")).toEqual(["01-b"]);
    expect(pick("lessons/00-a/en.md", `${lessons}/01-b/`)).toEqual(["00-a", "01-b"]);
    expect(selectChapters(chapters, ["00-a"], tree, lessons).map((c) => c.folder)).toEqual(["00-a"]);
  });

  it("refuses a path that is no chapter", () => {
    expect(() => pick("lessons/02-c")).toThrow(
      "lessons/02-c: not a chapter folder or lesson file of the course (lessons/)",
    );
    expect(() => pick("web")).toThrow();
  });
});
