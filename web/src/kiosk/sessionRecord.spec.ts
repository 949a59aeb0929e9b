import { describe, expect, it } from "vitest";
import { buildCourse } from "../lessons/buildCourse.ts";
import { lessonAssets, lessonSources } from "../lessons/lessonFiles.ts";
import { finishSession, recordsToCsv, type SessionRecord } from "./sessionRecord.ts";

const { chapters } = buildCourse(lessonSources, Object.keys(lessonAssets));
const at = Date.UTC(2026, 11, 2, 9, 0, 0);

describe("a kiosk session's record", () => {
  it("counts steps, challenges alone or with the solution, and quiz answers per chapter", () => {
    const record = finishSession(
      { startedAt: at, lastActiveAt: at + 25 * 60_000, name: "  Aiko  " },
      {
        example: {
          steps: {
            "look-around": { doneAt: at + 1 },
            "namespace-quiz": {
              doneAt: at + 2,
              answers: {
                "what-unshare-made": { value: [1], correct: true, tries: 2, at },
                "where-the-link-is": { value: "/proc/1/ns/net", correct: false, tries: 1, at },
              },
            },
            "soft-limit": { doneAt: at + 3, withSolution: true, solutionShown: true },
          },
        },
        processes: { steps: { "look-around": { hintsShown: 1 } } },
        namespaces: { steps: {}, currentStep: "only-looked" },
      },
      chapters,
      3,
      at + 40 * 60_000,
      true,
    );
    expect(record).toMatchObject({ session: 3, activeMs: 25 * 60_000, name: "Aiko" });
    expect(record?.chapters.map((c) => c.id)).toEqual(["example", "processes"]);
    expect(record?.chapters[0]).toMatchObject({
      stepsDone: 3,
      steps: 10,
      challengesAlone: 0,
      challengesWithSolution: 1,
      challenges: 1,
      quizCorrect: 1,
      quizQuestions: 2,
      quizTries: 3,
    });
  });

  it("still records a chapter the course does not have (yet), from the progress alone", () => {
    const record = finishSession(
      {},
      {
        gone: { steps: { a: { doneAt: at }, b: { hintsShown: 1 } } },
        example: { steps: { "look-around": { doneAt: at } } },
      },
      chapters,
      1,
      at,
      false,
    );
    expect(record?.chapters.map((c) => [c.id, c.stepsDone, c.steps])).toEqual([
      ["example", 1, 10],
      ["gone", 1, 2],
    ]);
  });

  it("leaves nothing for a session where no chapter was worked in, and no name unless asked", () => {
    expect(finishSession({ startedAt: at }, {}, chapters, 1, at, true)).toBeNull();
    expect(finishSession({}, { example: { steps: {}, currentStep: "x" } }, chapters, 1, at, true)).toBeNull();
    const record = finishSession(
      { name: "Aiko" },
      { example: { steps: { "look-around": { doneAt: at } } } },
      chapters,
      1,
      at,
      false,
    );
    expect(record?.name).toBeUndefined();
    expect(record?.activeMs).toBe(0);
  });

  it("exports one CSV row per session and chapter, quoting and defusing what a spreadsheet would misread", () => {
    const chapter = {
      id: "example",
      title: "A container, in two pieces",
      stepsDone: 3,
      steps: 10,
      challengesAlone: 1,
      challengesWithSolution: 0,
      challenges: 1,
      quizCorrect: 1,
      quizQuestions: 2,
      quizTries: 3,
    };
    const records: SessionRecord[] = [
      {
        session: 1,
        startedAt: at,
        finishedAt: at + 60_000,
        activeMs: 90_000,
        name: "=HYPERLINK(1)",
        chapters: [chapter],
      },
      {
        session: 2,
        startedAt: at,
        finishedAt: at,
        activeMs: 0,
        name: "佐藤",
        chapters: [chapter, { ...chapter, id: "b", title: 'say "hi"' }],
      },
    ];
    const csv = recordsToCsv(records, true);
    expect(csv.startsWith("\uFEFFsession,started,finished,minutes_active,name,chapter,")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      '1,2026-12-02T09:00:00.000Z,2026-12-02T09:01:00.000Z,1.5,\'=HYPERLINK(1),example,"A container, in two pieces",3,10,1,0,1,1,2,3',
    );
    expect(lines[3]).toContain(',佐藤,b,"say ""hi""",');
    expect(recordsToCsv(records, false).split("\r\n")[0]).not.toContain("name");
  });
});
