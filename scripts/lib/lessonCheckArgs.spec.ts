import { describe, expect, it } from "vitest";
import { parseLessonCheckArgs } from "./lessonCheckArgs.ts";

describe("lessons:check arguments", () => {
  it("defaults to every chapter, in the guest, without JSON", () => {
    expect(parseLessonCheckArgs([])).toEqual({
      paths: [],
      lintOnly: false,
      passes: ["course-order", "fresh"],
      help: false,
    });
  });

  it("reads paths, --lint-only and --json in either form", () => {
    expect(parseLessonCheckArgs(["lessons/00-example", "--json", "out.json", "--lint-only"])).toEqual({
      paths: ["lessons/00-example"],
      lintOnly: true,
      passes: ["course-order", "fresh"],
      help: false,
      json: "out.json",
    });
    expect(parseLessonCheckArgs(["--json=r.json"]).json).toBe("r.json");
  });

  it("runs one proof with --pass", () => {
    expect(parseLessonCheckArgs(["--pass", "fresh"]).passes).toEqual(["fresh"]);
    expect(parseLessonCheckArgs(["--pass=course-order"]).passes).toEqual(["course-order"]);
  });

  it("rejects unknown options, a --json without a file and an unknown pass", () => {
    expect(() => parseLessonCheckArgs(["--fast"])).toThrow("unknown option --fast");
    expect(() => parseLessonCheckArgs(["--json"])).toThrow("--json needs a file name");
    expect(() => parseLessonCheckArgs(["--pass", "quick"])).toThrow(
      "--pass needs one of course-order, fresh",
    );
    expect(() => parseLessonCheckArgs(["--pass"])).toThrow("--pass needs one of");
  });
});
