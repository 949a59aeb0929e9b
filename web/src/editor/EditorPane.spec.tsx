// @vitest-environment jsdom
// The editor tab against an in-memory guest, with a textarea standing in for Monaco.
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useLanguageStore } from "../i18n/languageStore.ts";

const guest = await vi.hoisted(async () => {
  const { FakeGuest } = await import("./fakeGuest.ts");
  return new FakeGuest();
});
vi.mock("./guestFiles.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("./guestFiles.ts")>();
  return { ...original, guestFiles: original.createGuestFiles(guest.request) };
});
vi.mock("./MonacoHost.tsx", () => import("./monacoHostStandIn.tsx"));
vi.mock("./loadMonaco.ts", () => ({ loadMonaco: () => new Promise(() => undefined) }));

const { EditorPane } = await import("./EditorPane.tsx");
const { useEditorStore } = await import("./editorStore.ts");

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const initial = useEditorStore.getState();

beforeEach(() => {
  useLanguageStore.setState({ language: "en" });
  guest.files.clear();
  guest.writes.length = 0;
  useEditorStore.setState({ ...initial, files: [], activePath: undefined }, true);
});
afterEach(cleanup);

async function openPath(path: string) {
  fireEvent.change(screen.getByLabelText("File in the machine"), { target: { value: path } });
  fireEvent.click(screen.getByRole("button", { name: "Open" }));
  await screen.findByRole("tab", { name: new RegExp(path.split("/").pop() ?? path) });
}

const buffer = () => screen.getByTestId("monaco-stand-in") as HTMLTextAreaElement;

describe("EditorPane", () => {
  it("opens a guest file, edits it and saves it with Ctrl+S", async () => {
    guest.put("/root/mycontainer.sh", "#!/bin/sh\n");
    render(<EditorPane />);
    expect(screen.getByTestId("editor-status").textContent).toMatch(/Open a file/);
    await openPath("mycontainer.sh");
    await waitFor(() => expect(buffer().value).toBe("#!/bin/sh\n"));
    expect(buffer().dataset.language).toBe("shell");
    expect(screen.getByRole("button", { name: "Save" })).toHaveProperty("disabled", true);

    fireEvent.change(buffer(), { target: { value: "#!/bin/sh\nunshare --uts sh\n" } });
    const tab = screen.getByRole("tab", { name: /mycontainer\.sh/ });
    expect(tab.dataset.dirty).toBe("true");
    fireEvent.keyDown(tab, { key: "s", ctrlKey: true });
    await waitFor(() => expect(tab.dataset.dirty).toBe("false"));
    expect(guest.text("/root/mycontainer.sh")).toBe("#!/bin/sh\nunshare --uts sh\n");
    expect(screen.getByTestId("editor-status").textContent).toBe("Saved /root/mycontainer.sh");
  });

  it("says when a file does not exist yet, and creates it on save", async () => {
    render(<EditorPane />);
    await openPath("/root/new.yaml");
    expect(screen.getByTestId("editor-status").textContent).toMatch(/does not exist yet/);
    fireEvent.change(buffer(), { target: { value: "a: 1\n" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(guest.text("/root/new.yaml")).toBe("a: 1\n"));
  });

  it("asks before overwriting a file changed in the guest", async () => {
    guest.put("/root/app.sh", "one\n");
    render(<EditorPane />);
    await openPath("/root/app.sh");
    await waitFor(() => expect(buffer().value).toBe("one\n"));
    fireEvent.change(buffer(), { target: { value: "mine\n" } });
    guest.put("/root/app.sh", "theirs\n");
    fireEvent.keyDown(buffer(), { key: "s", ctrlKey: true });

    const dialog = await screen.findByRole("alertdialog", { name: "The file changed in the machine" });
    expect(document.activeElement?.textContent).toBe("Cancel");
    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(buffer().value).toBe("mine\n");

    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    fireEvent.click(await screen.findByRole("button", { name: "Reload theirs, drop mine" }));
    await waitFor(() => expect(buffer().value).toBe("theirs\n"));
    expect(guest.text("/root/app.sh")).toBe("theirs\n");
  });

  it("keeps focus inside the conflict dialog", async () => {
    guest.put("/root/a", "1");
    render(<EditorPane />);
    await openPath("/root/a");
    fireEvent.change(buffer(), { target: { value: "2" } });
    guest.put("/root/a", "3");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const dialog = await screen.findByRole("alertdialog");
    const buttons = [...dialog.querySelectorAll("button")];
    buttons.at(-1)?.focus();
    fireEvent.keyDown(dialog, { key: "Tab" });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(dialog, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(buttons.at(-1));
  });

  it("shows why a file cannot be edited, without an editor", async () => {
    guest.put("/root/blob", "AAEC", "base64");
    render(<EditorPane />);
    await openPath("/root/blob");
    await waitFor(() => expect(screen.getByTestId("editor-status").textContent).toMatch(/not text/));
    expect(screen.queryByTestId("monaco-stand-in")).toBeNull();
  });

  it("moves between file tabs with the arrow keys and closes with Delete", async () => {
    guest.put("/root/a", "a");
    guest.put("/root/b", "b");
    render(<EditorPane />);
    await openPath("/root/a");
    await openPath("/root/b");
    const [a, b] = screen.getAllByRole("tab");
    expect(b?.getAttribute("aria-selected")).toBe("true");
    if (!b) throw new Error("no tab");
    fireEvent.keyDown(b, { key: "ArrowRight" });
    expect(a?.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(a);

    fireEvent.change(buffer(), { target: { value: "changed" } });
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(false);
    if (!a) throw new Error("no tab");
    fireEvent.keyDown(a, { key: "Delete" });
    expect(confirm).toHaveBeenCalledWith("a has unsaved changes. Close it anyway?");
    expect(screen.getAllByRole("tab")).toHaveLength(2);
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole("button", { name: "Close a" }));
    expect(screen.getAllByRole("tab")).toHaveLength(1);
    confirm.mockRestore();
  });

  it("speaks Japanese", async () => {
    act(() => useLanguageStore.setState({ language: "ja" }));
    render(<EditorPane />);
    expect(screen.getByLabelText("マシン内のファイル")).toBeTruthy();
    expect(screen.getByRole("button", { name: "保存" })).toBeTruthy();
  });
});
