import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute } from "./lessonRoute.ts";

describe("lesson routes", () => {
  it("reads the list, a chapter and a step", () => {
    expect(parseRoute("")).toEqual({ view: "list" });
    expect(parseRoute("#/")).toEqual({ view: "list" });
    expect(parseRoute("#/chapter/uts-ns")).toEqual({ view: "chapter", chapterId: "uts-ns" });
    expect(parseRoute("#/chapter/uts-ns/")).toEqual({ view: "chapter", chapterId: "uts-ns" });
    expect(parseRoute("#/chapter/uts-ns/step/set-hostname")).toEqual({
      view: "chapter",
      chapterId: "uts-ns",
      stepId: "set-hostname",
    });
  });

  it("rejects what is not a lesson route", () => {
    for (const hash of [
      "#settings",
      "#/chapter",
      "#/chapter/Bad_Id",
      "#/chapter/a/stage/b",
      "#/chapter/a/step",
      "#/chapter/a/step/b/c",
      "#/chapter/%E0%A4%A",
    ]) {
      expect(parseRoute(hash), hash).toBeNull();
    }
  });

  it("round-trips through formatRoute", () => {
    for (const route of [
      { view: "list" },
      { view: "chapter", chapterId: "a" },
      { view: "chapter", chapterId: "a", stepId: "b-2" },
    ] as const) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
    expect(formatRoute({ view: "chapter", chapterId: "a", stepId: "b" })).toBe("#/chapter/a/step/b");
  });
});
