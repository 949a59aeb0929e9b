import { describe, expect, it } from "vitest";
import {
  FULL,
  lessonCounts,
  plainCounts,
  playwrightCounts,
  QUICK,
  seedCounts,
  vitestCounts,
  type Stage,
} from "./testRun.ts";

describe("counting what each step of npm test ran", () => {
  it("reads Vitest's summary, colours and failures included", () => {
    expect(vitestCounts("\n Test Files  10 passed (10)\n      Tests  55 passed (55)\n")).toEqual({
      passed: 55,
      failed: 0,
    });
    expect(
      vitestCounts("\x1b[2m      Tests \x1b[22m \x1b[1m\x1b[31m2 failed\x1b[39m | 495 passed (497)"),
    ).toEqual({
      passed: 495,
      failed: 2,
    });
    expect(vitestCounts("no summary: it crashed")).toBeNull();
  });

  it("reads Playwright's closing lines, a flaky test counted as failed", () => {
    expect(playwrightCounts("  ✓  64 e2e/x.spec.ts:1:1 › y (3.0s)\n\n  64 passed (17.7m)\n")).toEqual({
      passed: 64,
      failed: 0,
    });
    expect(
      playwrightCounts("  1 failed\n    e2e/a.spec.ts:79:1 › b\n  1 flaky\n  62 passed (21.1m)\n"),
    ).toEqual({
      passed: 62,
      failed: 2,
    });
    expect(playwrightCounts("Error: no tests found")).toBeNull();
  });

  it("reads lessons:check's, seeds:check's and the plain closing line", () => {
    expect(
      lessonCounts("15 chapters linted: 0 errors, 2 warnings; guest: 123 steps, 122 passed, 1 failed"),
    ).toEqual({
      passed: 122,
      failed: 1,
    });
    expect(seedCounts("seed commands: 60 typed, 60 passed, 0 failed, 212.3 s")).toEqual({
      passed: 60,
      failed: 0,
    });
    expect(plainCounts("ok - built\n31 passed, 0 failed\n")).toEqual({ passed: 31, failed: 0 });
    expect(plainCounts("31 passed, 0 failed\nsomething after")).toBeNull();
  });

  const names = (stages: readonly Stage[]) =>
    stages.flatMap((s) => ("lanes" in s ? s.lanes.flat() : [s])).map((s) => s.name);

  it("proves every lesson both ways and every suite in npm test, each once", () => {
    const steps = names(FULL);
    expect(new Set(steps).size).toBe(steps.length);
    const commands = FULL.flatMap((s) => ("lanes" in s ? s.lanes.flat() : [s])).map((s) =>
      s.command.join(" "),
    );
    expect(commands).toEqual(
      expect.arrayContaining([
        "npm run -s test:unit",
        "npm run -s test:guest",
        "npm run -s lessons:check -- --pass course-order",
        "npm run -s lessons:check -- --pass fresh",
        "npm run -s seeds:check",
        "npx playwright test",
      ]),
    );
  });

  it("gives the quick loop one file or chapter of each suite", () => {
    expect(names(QUICK)).toEqual(
      expect.arrayContaining([
        "unit tests",
        "guest smoke test (console)",
        "one chapter, both ways",
        "one e2e file (machine)",
      ]),
    );
  });
});
