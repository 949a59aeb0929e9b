// @vitest-environment jsdom
// Author mode on the real example chapter, with a textarea standing in for Monaco.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useLanguageStore } from "../i18n/languageStore.ts";
import type { EditorMarker } from "../editor/forAuthors.ts";

vi.mock("../editor/MonacoHost.tsx", () => import("../editor/monacoHostStandIn.tsx"));

const { AuthorMode } = await import("./AuthorMode.tsx");

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeEach(() => useLanguageStore.setState({ language: "en" }));
afterEach(cleanup);

const source = () => screen.getByTestId("monaco-stand-in") as HTMLTextAreaElement;
const markers = (): EditorMarker[] => JSON.parse(source().dataset.markers ?? "[]") as EditorMarker[];

describe("AuthorMode", () => {
  it("previews quizzes with their right answers marked, and a challenge as one", () => {
    render(<AuthorMode chapterId="example" language="en" />);
    const quiz = screen.getByTestId("question-what-unshare-made");
    expect(quiz.textContent).toContain("✓ Only a UTS namespace");
    expect(quiz.querySelector("input")).toBeNull();
    expect(screen.getByTestId("question-where-the-link-is").textContent).toContain("^/proc/");
    expect(screen.getByText(/^Challenge: no run blocks/)).toBeTruthy();
  });

  it("shows the lesson source beside its rendered preview", () => {
    render(<AuthorMode chapterId="example" language="en" />);
    expect(source().value).toMatch(/^---\nid: example/);
    expect(source().dataset.language).toBe("markdown");
    expect(screen.getByTestId("author-preview").textContent).toContain("A container in two pieces");
    expect(markers().filter((m) => m.severity === "error")).toEqual([]);
  });

  it("turns validator problems into markers while typing, and previews the draft", async () => {
    render(<AuthorMode chapterId="example" language="en" />);
    const draft = `${source().value.trimEnd()}\n\nA brand-new closing line.\n\n:::hnt\nx\n:::\n`;
    fireEvent.change(source(), { target: { value: draft } });
    expect(screen.getByText(/unsaved/)).toBeTruthy();
    await waitFor(() =>
      expect(markers()).toContainEqual(
        expect.objectContaining({ code: "unknown-directive", severity: "error" }),
      ),
    );
    const marker = markers().find((m) => m.code === "unknown-directive");
    expect(marker?.message).toMatch(/did you mean `hint`/);
    expect(draft.split("\n")[(marker?.line ?? 0) - 1]).toBe(":::hnt");
    expect(screen.getByTestId("author-preview").textContent).toContain("A brand-new closing line.");
  });

  it("downloads the draft", () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return "blob:lesson";
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    render(<AuthorMode chapterId="example" language="en" />);
    fireEvent.click(screen.getByRole("button", { name: "Download" }));
    expect(created).toHaveLength(1);
    expect(click).toHaveBeenCalled();
    expect(screen.getByTestId("author-status").textContent).toBe("Downloaded en.md");
    click.mockRestore();
  });

  it("says so when the chapter or language has no file", () => {
    render(<AuthorMode chapterId="nope" language="ja" />);
    expect(screen.getByRole("alert").textContent).toMatch(/nope/);
  });
});
