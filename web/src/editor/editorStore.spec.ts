import { beforeEach, describe, expect, it } from "vitest";
import { createEditorStore, isDirty, type OpenFile } from "./editorStore.ts";
import { createGuestFiles } from "./guestFiles.ts";
import { FakeGuest } from "./fakeGuest.ts";

let guest: FakeGuest;
let store: ReturnType<typeof createEditorStore>;

const file = (path: string): OpenFile => {
  const found = store.getState().files.find((f) => f.path === path);
  if (!found) throw new Error(`${path} is not open`);
  return found;
};

beforeEach(() => {
  guest = new FakeGuest();
  store = createEditorStore(createGuestFiles(guest.request));
});

describe("opening", () => {
  it("reads the file, picks its language and shows the editor", async () => {
    guest.put("/root/mycontainer.sh", "#!/bin/sh\necho hi\n");
    expect(await store.getState().open("mycontainer.sh")).toBe("/root/mycontainer.sh");
    const state = store.getState();
    expect(state.tab).toBe("editor");
    expect(state.editorShown).toBe(true);
    expect(state.activePath).toBe("/root/mycontainer.sh");
    expect(file("/root/mycontainer.sh")).toMatchObject({
      language: "shell",
      text: "#!/bin/sh\necho hi\n",
      status: "ready",
    });
    expect(isDirty(file("/root/mycontainer.sh"))).toBe(false);
  });

  it("opens a missing file as a new, empty one", async () => {
    await store.getState().open("/root/new.json");
    expect(file("/root/new.json")).toMatchObject({
      text: "",
      baseMtime: "absent",
      language: "json",
      status: "ready",
    });
    expect(file("/root/new.json").problem).toBeUndefined();
  });

  it("does not open the same file twice", async () => {
    guest.put("/etc/hostname", "containerlab\n");
    await store.getState().open("/etc/hostname");
    await store.getState().open("/etc/hostname");
    expect(store.getState().files).toHaveLength(1);
  });

  it("ignores a blank path", async () => {
    expect(await store.getState().open("  ")).toBeNull();
    expect(store.getState().files).toEqual([]);
  });

  it.each([
    ["a binary file", () => guest.put("/root/blob", "AAEC", "base64"), "/root/blob", "binary"],
    ["a directory", () => undefined, "/etc", "not_a_file"],
  ])("refuses %s, and never saves over it", async (_name, setup, path, kind) => {
    setup();
    await store.getState().open(path);
    expect(file(path)).toMatchObject({ loaded: false, problem: { kind } });
    store.getState().setText(path, "oops");
    await store.getState().save(path);
    expect(guest.writes).toEqual([]);
  });

  it("reads a file again once the machine runs", async () => {
    guest.running = false;
    await store.getState().open("/etc/hostname");
    guest.running = true;
    guest.put("/etc/hostname", "up\n");
    await store.getState().retryUnread();
    expect(file("/etc/hostname")).toMatchObject({ loaded: true, text: "up\n", problem: undefined });
  });

  it("reports a stopped machine", async () => {
    guest.running = false;
    await store.getState().open("/etc/hostname");
    expect(file("/etc/hostname").problem?.kind).toBe("closed");
    guest.running = true;
    guest.put("/etc/hostname", "back\n");
    await store.getState().open("/etc/hostname");
    expect(file("/etc/hostname")).toMatchObject({ text: "back\n", problem: undefined });
  });
});

describe("saving", () => {
  beforeEach(async () => {
    guest.put("/root/notes.md", "# Notes\n");
    await store.getState().open("/root/notes.md");
  });

  it("writes the buffer with the mtime it was based on", async () => {
    const base = file("/root/notes.md").baseMtime;
    store.getState().setText("/root/notes.md", "# Notes\nmore\n");
    expect(isDirty(file("/root/notes.md"))).toBe(true);
    await store.getState().save("/root/notes.md");
    expect(guest.text("/root/notes.md")).toBe("# Notes\nmore\n");
    expect(guest.writes.at(-1)?.expect_mtime_ns).toBe(base);
    expect(isDirty(file("/root/notes.md"))).toBe(false);
    expect(file("/root/notes.md").saves).toBe(1);
    expect(file("/root/notes.md").baseMtime).not.toBe(base);
  });

  it("creates a new file only if it is still absent, and makes a new script executable", async () => {
    await store.getState().open("/root/run.sh");
    store.getState().setText("/root/run.sh", "#!/bin/sh\necho run\n");
    await store.getState().save("/root/run.sh");
    expect(guest.writes.at(-1)).toMatchObject({ expect_mtime_ns: "absent", mode: 0o755 });
    expect(guest.files.get("/root/run.sh")?.mode).toBe(0o755);
  });

  it("says so when the folder does not exist", async () => {
    await store.getState().open("/root/missing/dir/file.txt");
    store.getState().setText("/root/missing/dir/file.txt", "x");
    await store.getState().save("/root/missing/dir/file.txt");
    expect(file("/root/missing/dir/file.txt").problem?.kind).toBe("no_parent");
    expect(isDirty(file("/root/missing/dir/file.txt"))).toBe(true);
  });
});

describe("a file changed in the guest meanwhile", () => {
  beforeEach(async () => {
    guest.put("/root/app.sh", "echo one\n");
    await store.getState().open("/root/app.sh");
    store.getState().setText("/root/app.sh", "echo mine\n");
    guest.put("/root/app.sh", "echo theirs\n");
    await store.getState().save("/root/app.sh");
  });

  it("is not overwritten without asking", () => {
    expect(file("/root/app.sh").conflict).toBe(true);
    expect(guest.text("/root/app.sh")).toBe("echo theirs\n");
  });

  it("waits for a choice before saving again", async () => {
    await store.getState().save("/root/app.sh");
    expect(guest.text("/root/app.sh")).toBe("echo theirs\n");
  });

  it("overwrite: writes mine", async () => {
    await store.getState().resolveConflict("/root/app.sh", "overwrite");
    expect(guest.text("/root/app.sh")).toBe("echo mine\n");
    expect(file("/root/app.sh")).toMatchObject({
      conflict: false,
      text: "echo mine\n",
      savedText: "echo mine\n",
    });
  });

  it("reload: takes theirs and drops mine", async () => {
    await store.getState().resolveConflict("/root/app.sh", "reload");
    expect(file("/root/app.sh")).toMatchObject({
      conflict: false,
      text: "echo theirs\n",
      savedText: "echo theirs\n",
    });
  });

  it("cancel: keeps mine unsaved", async () => {
    await store.getState().resolveConflict("/root/app.sh", "cancel");
    expect(file("/root/app.sh")).toMatchObject({ conflict: false, text: "echo mine\n" });
    expect(isDirty(file("/root/app.sh"))).toBe(true);
    expect(guest.text("/root/app.sh")).toBe("echo theirs\n");
  });
});

describe("refresh", () => {
  it("reloads a clean buffer that changed in the guest", async () => {
    guest.put("/etc/hostname", "one\n");
    await store.getState().open("/etc/hostname");
    guest.put("/etc/hostname", "two\n");
    await store.getState().refresh("/etc/hostname");
    expect(file("/etc/hostname").text).toBe("two\n");
  });

  it("leaves a dirty buffer alone", async () => {
    guest.put("/etc/hostname", "one\n");
    await store.getState().open("/etc/hostname");
    store.getState().setText("/etc/hostname", "mine\n");
    guest.put("/etc/hostname", "two\n");
    await store.getState().refresh("/etc/hostname");
    expect(file("/etc/hostname").text).toBe("mine\n");
  });
});

describe("tabs", () => {
  it("closing the active file activates its neighbour", async () => {
    for (const name of ["a", "b", "c"]) await store.getState().open(`/root/${name}`);
    store.getState().activate("/root/b");
    store.getState().close("/root/b");
    expect(store.getState().activePath).toBe("/root/c");
    store.getState().close("/root/c");
    expect(store.getState().activePath).toBe("/root/a");
    store.getState().close("/root/a");
    expect(store.getState().activePath).toBeUndefined();
  });

  it("a machine reset closes every file", async () => {
    await store.getState().open("/root/a");
    const { useEditorStore } = await import("./editorStore.ts");
    const { useVmStore } = await import("../vm/vmStore.ts");
    useEditorStore.setState({ files: [file("/root/a")], activePath: "/root/a", tab: "editor" });
    useVmStore.setState((s) => ({ generation: s.generation + 1 }));
    expect(useEditorStore.getState()).toMatchObject({ files: [], activePath: undefined, tab: "terminal" });
  });

  it("showing the terminal keeps the editor tab", async () => {
    await store.getState().open("/root/a");
    store.getState().showTab("terminal");
    expect(store.getState()).toMatchObject({ tab: "terminal", editorShown: true });
  });
});
