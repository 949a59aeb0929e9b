// @vitest-environment jsdom
// The center tabs: the terminal alone at first; the editor and author mode join as tabs.
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useLanguageStore } from "../i18n/languageStore.ts";

vi.mock("../editor/EditorPane.tsx", () => ({ EditorPane: () => <p>editor pane</p> }));
vi.mock("../author/AuthorMode.tsx", () => ({
  AuthorMode: ({ chapterId, language }: { chapterId: string; language: string }) => (
    <p>
      author {chapterId} {language}
    </p>
  ),
}));

const { CenterTabs } = await import("./CenterTabs.tsx");
const { OpenEditorButton } = await import("./OpenEditorButton.tsx");
const { useEditorStore } = await import("../editor/editorStore.ts");

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const initial = useEditorStore.getState();

beforeEach(() => {
  window.location.hash = "";
  useLanguageStore.setState({ language: "en" });
  useEditorStore.setState({ ...initial, tab: "terminal", editorShown: false }, true);
});
afterEach(cleanup);

function renderCenter() {
  return render(
    <>
      <OpenEditorButton />
      <CenterTabs terminal={<p>terminal here</p>} />
    </>,
  );
}

describe("CenterTabs", () => {
  it("is just the terminal until the editor is opened", () => {
    renderCenter();
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(screen.getByText("terminal here")).toBeTruthy();
    expect(screen.queryByText("editor pane")).toBeNull();
  });

  it("the header button brings the editor forward and back, keeping the terminal mounted", async () => {
    renderCenter();
    const button = screen.getByRole("button", { name: "Open the file editor" });
    fireEvent.click(button);
    expect(button.getAttribute("aria-pressed")).toBe("true");
    expect(await screen.findByText("editor pane")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Editor" }).getAttribute("aria-selected")).toBe("true");
    const terminalPanel = screen.getByText("terminal here").parentElement;
    expect(terminalPanel?.className).toContain("is-hidden");
    expect(terminalPanel?.hasAttribute("inert")).toBe(true);

    fireEvent.click(button);
    expect(screen.getByRole("tab", { name: "Terminal" }).getAttribute("aria-selected")).toBe("true");
    expect(terminalPanel?.className).not.toContain("is-hidden");
  });

  it("moves between tabs with the arrow keys", async () => {
    renderCenter();
    fireEvent.click(screen.getByRole("button", { name: "Open the file editor" }));
    await screen.findByText("editor pane");
    fireEvent.keyDown(screen.getByRole("tab", { name: "Editor" }), { key: "ArrowRight" });
    expect(useEditorStore.getState().tab).toBe("terminal");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Terminal" }));
  });

  it("shows author mode for an author route and drops it when the route goes", async () => {
    renderCenter();
    act(() => {
      window.location.hash = "#/author/example/ja";
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    expect(await screen.findByText("author example ja")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Author" }).getAttribute("aria-selected")).toBe("true");
    act(() => {
      window.location.hash = "#/chapter/example";
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    expect(screen.queryByRole("tab", { name: "Author" })).toBeNull();
    expect(useEditorStore.getState().tab).toBe("terminal");
  });
});
