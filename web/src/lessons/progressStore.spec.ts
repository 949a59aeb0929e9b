// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
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
    store().showSolution("uts", "a");
    store().setCurrentStep("uts", "a");
    expect(store().chapters.uts).toEqual({
      steps: { a: { hintsShown: 2, solutionShown: true } },
      currentStep: "a",
    });
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
