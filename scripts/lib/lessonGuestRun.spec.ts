import { describe, expect, it } from "vitest";
import type { Lesson, Step } from "../../web/src/lessons/lessonModel.ts";
import { FakeLessonGuest } from "./lessonFakeGuest.ts";
import { runChapterInGuest } from "./lessonGuestRun.ts";

const block = (code: string) => ({ code, line: 1, column: 1 });

function step(
  id: string,
  parts: { check?: string; solution?: string; run?: string[]; manual?: boolean },
): Step {
  return {
    id,
    title: id,
    manual: parts.manual ?? false,
    challenge: false,
    line: 1,
    column: 1,
    body: { type: "root", children: [] },
    runBlocks: (parts.run ?? []).map(block),
    checks: parts.check ? [block(parts.check)] : [],
    solution: parts.solution ? block(parts.solution) : null,
    hints: [],
    panels: [],
    questions: [],
  };
}

function lesson(steps: Step[]): Lesson {
  return {
    file: "lessons/00-x/en.md",
    language: "en",
    meta: {
      id: "x",
      title: "X",
      summary: "",
      objectives: [],
      estimatedMinutes: 1,
      prerequisites: [],
      difficulty: "beginner",
      tags: [],
      authors: [],
      kind: "lesson",
      restart: "setup",
    },
    summary: { type: "root", children: [] },
    objectives: [],
    intro: { type: "root", children: [] },
    outro: { type: "root", children: [] },
    outroHints: [],
    sections: [],
    steps,
  };
}

describe("runChapterInGuest", () => {
  it("passes steps whose check fails before and passes after their solution", async () => {
    const guest = new FakeLessonGuest();
    const result = await runChapterInGuest(
      guest,
      lesson([
        step("read", { manual: true, run: ["touch /setup"] }),
        step("make", { check: "test -e /a", solution: "# comment\ntouch /a" }),
        step("nested", { check: "test -e /b", solution: "bash\ntouch /b" }),
      ]),
    );
    expect(result).toMatchObject({ id: "x", steps: 3, passed: 3, failed: 0 });
    expect(result.results.map((r) => r.status)).toEqual(["pass", "pass", "pass"]);
    // Run blocks of a reading step and solutions are typed, comments left out.
    expect(guest.typed).toEqual(["touch /setup", "touch /a", "bash", "touch /b"]);
  });

  it("fails a check that already passes before the solution, and skips the rest", async () => {
    const reported: string[] = [];
    const result = await runChapterInGuest(
      new FakeLessonGuest(),
      lesson([
        step("vacuous", { check: "true", solution: "touch /x" }),
        step("later", { check: "test -e /y", solution: "touch /y" }),
      ]),
      (r) => reported.push(`${r.id} ${r.status}`),
    );
    expect(reported).toEqual(["vacuous fail", "later skipped"]);
    expect(result).toMatchObject({ steps: 2, passed: 0, failed: 2 });
    expect(result.results[0]?.message).toBe(
      "the checks already pass before the solution ran, so they do not test this step",
    );
  });

  it("fails a check that still fails after the solution, with its output", async () => {
    const result = await runChapterInGuest(
      new FakeLessonGuest(),
      lesson([step("wrong", { check: "test -e /z", solution: "touch /not-z" })]),
    );
    expect(result.results[0]).toMatchObject({
      status: "fail",
      message: "after the solution ran, check 1 exited with 1",
    });
    expect(result.results[0]?.detail).toContain("check stderr: no /z");
    expect(result.results[0]?.detail).toContain("touch /not-z");
  });

  it("fails a reading step whose run block fails", async () => {
    const result = await runChapterInGuest(
      new FakeLessonGuest(),
      lesson([step("read", { manual: true, run: ["false"] })]),
    );
    expect(result.results[0]).toMatchObject({
      status: "fail",
      message: "run block line `false` exited with 1",
    });
  });
});
