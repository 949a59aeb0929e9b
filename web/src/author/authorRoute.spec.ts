import { describe, expect, it } from "vitest";
import { formatAuthorRoute, parseAuthorRoute } from "./authorRoute.ts";

describe("author route", () => {
  it("reads a chapter and a language", () => {
    expect(parseAuthorRoute("#/author/example/en")).toEqual({ chapterId: "example", language: "en" });
    expect(parseAuthorRoute("/author/uts-namespace/ja/")).toEqual({
      chapterId: "uts-namespace",
      language: "ja",
    });
  });

  it.each([
    "#/",
    "#/chapter/example",
    "#/author/example",
    "#/author/example/fr",
    "#/author/Ex/en",
    "#/author/example/en/x",
  ])("is not %s", (hash) => {
    expect(parseAuthorRoute(hash)).toBeNull();
  });

  it("round-trips", () => {
    expect(parseAuthorRoute(formatAuthorRoute({ chapterId: "example", language: "ja" }))).toEqual({
      chapterId: "example",
      language: "ja",
    });
  });
});
