import { describe, expect, it } from "vitest";
import { parseLessonCheckArgs } from "./lessonCheckArgs.ts";

describe("lessons:check arguments", () => {
  it("defaults to every chapter, in the guest, without JSON", () => {
    expect(parseLessonCheckArgs([])).toEqual({ paths: [], lintOnly: false, help: false });
  });

  it("reads paths, --lint-only and --json in either form", () => {
    expect(parseLessonCheckArgs(["lessons/00-example", "--json", "out.json", "--lint-only"])).toEqual({
      paths: ["lessons/00-example"],
      lintOnly: true,
      help: false,
      json: "out.json",
    });
    expect(parseLessonCheckArgs(["--json=r.json"]).json).toBe("r.json");
  });

  it("rejects unknown options and a --json without a file", () => {
    expect(() => parseLessonCheckArgs(["--fast"])).toThrow("unknown option --fast");
    expect(() => parseLessonCheckArgs(["--json"])).toThrow("--json needs a file name");
  });
});
