// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
import { SET_ASIDE_PREFIX, useSetAsideStore } from "../storage/setAside.ts";
import { countDone, PROGRESS_STORAGE_KEY, useProgressStore } from "./progressStore.ts";

const store = () => useProgressStore.getState();

describe("progress store", () => {
  beforeEach(() => {
    localStorage.clear();
    useProgressStore.setState({ chapters: {} });
  });

  it("records a step as done once, with the time it first passed", () => {
    store().markDone("uts", "set-hostname");
    const first = store().chapters.uts?.steps["set-hostname"]?.doneAt;
    expect(first).toBeTypeOf("number");
    store().markDone("uts", "set-hostname");
    expect(store().chapters.uts?.steps["set-hostname"]?.doneAt).toBe(first);
  });

  it("counts hints and remembers a revealed solution and the open step", () => {
    store().showHint("uts", "a");
    store().showHint("uts", "a");
    store().askSolution("uts", "a", true);
    store().setCurrentStep("uts", "a");
    expect(store().chapters.uts).toEqual({
      steps: { a: { hintsShown: 2, solutionAsks: 1, solutionShown: true } },
      currentStep: "a",
    });
  });

  it("records whether a step was done with its solution shown, and a challenge's failed checks", () => {
    store().recordFailedCheck("uts", "alone");
    store().markDone("uts", "alone");
    store().recordFailedCheck("uts", "alone");
    store().askSolution("uts", "helped", false);
    store().askSolution("uts", "helped", true);
    store().markDone("uts", "helped");
    expect(store().chapters.uts?.steps.alone).toMatchObject({ failedChecks: 1, withSolution: false });
    expect(store().chapters.uts?.steps.helped).toMatchObject({ solutionAsks: 2, withSolution: true });
  });

  it("keeps quiz answers with their tries, and a right answer stays right", () => {
    store().answer("uts", "q", "which", [0], false);
    store().answer("uts", "q", "which", [1], true);
    store().answer("uts", "q", "which", [0], false);
    expect(store().chapters.uts?.steps.q?.answers?.which).toMatchObject({
      value: [1],
      correct: true,
      tries: 2,
    });
    store().answer("uts", "q", "guess", "1");
    store().observe("uts", "q", "guess");
    store().observe("uts", "q", "never-answered");
    expect(store().chapters.uts?.steps.q?.answers).toMatchObject({ guess: { value: "1", observed: true } });
    expect(store().chapters.uts?.steps.q?.answers?.["never-answered"]).toBeUndefined();
  });

  it("is saved in localStorage and restored after a reload", async () => {
    store().markDone("uts", "a");
    const saved = localStorage.getItem(PROGRESS_STORAGE_KEY) ?? "";
    expect(Object.keys((JSON.parse(saved) as { state: { chapters: object } }).state.chapters)).toEqual([
      "uts",
    ]);
    // A reload: memory is wiped (which the store would persist, so put the saved copy back), then rehydrate.
    useProgressStore.setState({ chapters: {} });
    localStorage.setItem(PROGRESS_STORAGE_KEY, saved);
    await useProgressStore.persist.rehydrate();
    expect(store().chapters.uts?.steps.a?.doneAt).toBeTypeOf("number");
  });

  it.each([
    ["null steps", '{"state":{"chapters":{"uts":{"steps":null}}},"version":1}'],
    ["null chapters", '{"state":{"chapters":null},"version":1}'],
    ["wrong types", '{"state":{"chapters":{"uts":{"steps":{"a":{"doneAt":"yesterday"}}}}},"version":1}'],
    ["not JSON", '{"state":{"chap'],
    ["random bytes", "\u0000\u00ff\u0013garbage"],
    ["a bare array", "[1,2,3]"],
  ])("starts without a damaged record (%s), keeps it aside and says so", async (_name, damaged) => {
    useSetAsideStore.setState({ records: [], dismissed: false });
    localStorage.setItem(PROGRESS_STORAGE_KEY, damaged);
    await useProgressStore.persist.rehydrate();
    expect(store().chapters.uts).toBeUndefined();
    // The app goes on working with it: counting and recording progress.
    expect(countDone(store().chapters.uts, ["a"])).toBe(0);
    store().markDone("uts", "a");
    expect(store().chapters.uts?.steps.a?.doneAt).toBeTypeOf("number");
    const aside = Object.keys(localStorage).filter((key) => key.startsWith(SET_ASIDE_PREFIX));
    expect(aside).toHaveLength(1);
    expect((JSON.parse(localStorage.getItem(aside[0] ?? "") ?? "{}") as { raw: string }).raw).toBe(damaged);
    expect(useSetAsideStore.getState().records.map((r) => r.kind)).toEqual(["progress"]);
  });

  it("keeps the chapters that check out when one is damaged", async () => {
    localStorage.setItem(
      PROGRESS_STORAGE_KEY,
      JSON.stringify({
        state: {
          chapters: { good: { steps: { a: { doneAt: 5 } } }, bad: { steps: { b: { hintsShown: -1 } } } },
        },
        version: 1,
      }),
    );
    await useProgressStore.persist.rehydrate();
    expect(store().chapters.good?.steps.a?.doneAt).toBe(5);
    expect(store().chapters.bad).toBeUndefined();
    expect(useSetAsideStore.getState().records.at(-1)?.reason).toMatch(/chapter "bad": steps\.b\.hintsShown/);
  });

  it("resets one chapter and leaves the others", () => {
    store().markDone("uts", "a");
    store().markDone("cgroups", "b");
    store().resetChapter("uts");
    expect(Object.keys(store().chapters)).toEqual(["cgroups"]);
  });

  it("counts only steps the lesson still has", () => {
    store().markDone("uts", "a");
    store().markDone("uts", "removed-step");
    expect(countDone(store().chapters.uts, ["a", "b"])).toBe(1);
    expect(countDone(undefined, ["a"])).toBe(0);
  });
});
