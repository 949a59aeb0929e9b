import { describe, expect, it } from "vitest";
import { CourseConfigError, parseCourseConfig } from "./courseConfig.ts";

const problems = (text: string) => {
  try {
    parseCourseConfig(text, "my-course/course.yaml");
  } catch (error) {
    if (error instanceof CourseConfigError) return error.message;
    throw error;
  }
  return "no error";
};

describe("course.yaml", () => {
  it("takes a title in one text or per language, a language and the built-in chapters to keep", () => {
    expect(parseCourseConfig("title: Workshop\n")).toEqual({
      title: { en: "Workshop", ja: "Workshop" },
      builtin: "none",
    });
    expect(
      parseCourseConfig("title: {ja: コンテナ入門}\nlanguage: ja\nbuiltin: [processes, namespaces]\n"),
    ).toEqual({ title: { ja: "コンテナ入門" }, language: "ja", builtin: ["processes", "namespaces"] });
    expect(parseCourseConfig("title: W\nbuiltin: all\n").builtin).toBe("all");
  });

  it("names the file, line and column of each problem", () => {
    expect(problems("title: W\nlanguage: fr\n")).toMatch(/^my-course\/course\.yaml:2:11: `language`: /);
    expect(problems("title: W\nbuiltins: all\n")).toBe(
      "my-course/course.yaml:2:1: unknown key `builtins` (did you mean `builtin`?); course.yaml has title, language, builtin",
    );
    expect(problems("language: en\n")).toBe("my-course/course.yaml:1:1: missing required key `title`");
    expect(problems("title: W\nbuiltin: [Processes]\n")).toMatch(/:2:11: `builtin.0`: must be a chapter id/);
    expect(problems("title: [oops\n")).toMatch(/^my-course\/course\.yaml:\d+:\d+: invalid YAML/);
    expect(problems("title: {}\n")).toMatch(/:1:8: `title`: give at least one language/);
    expect(problems("- a\n- b\n")).toBe(
      "my-course/course.yaml:1:1: must be a YAML mapping of keys to values",
    );
  });
});
