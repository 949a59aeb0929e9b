import { beforeEach, describe, expect, it } from "vitest";
import { focusPanelByName, parsePanelHighlight } from "./lessonFocus.ts";
import { usePanelStore } from "./panelStore.ts";

describe("parsePanelHighlight", () => {
  it("reads namespace types, inodes and both", () => {
    expect(parsePanelHighlight("namespaces", "uts")).toEqual({ kind: "namespace", type: "uts" });
    expect(parsePanelHighlight("namespaces", "4026531838")).toEqual({ kind: "namespace", inode: 4026531838 });
    expect(parsePanelHighlight("namespaces", "pid:4026531965")).toEqual({
      kind: "namespace",
      type: "pid",
      inode: 4026531965,
    });
    expect(parsePanelHighlight("namespaces", "bogus")).toBeUndefined();
  });

  it("reads cgroup paths, with or without the leading slash", () => {
    expect(parsePanelHighlight("cgroups", "/demo")).toEqual({ kind: "cgroup", path: "/demo" });
    expect(parsePanelHighlight("cgroups", "lab/app")).toEqual({ kind: "cgroup", path: "/lab/app" });
  });

  it("reads pids and mounts", () => {
    expect(parsePanelHighlight("processes", "42")).toEqual({ kind: "process", pid: 42 });
    expect(parsePanelHighlight("processes", "bash")).toBeUndefined();
    expect(parsePanelHighlight("mounts", "/tmp/ov/merged")).toEqual({
      kind: "mount",
      mountPoint: "/tmp/ov/merged",
    });
    expect(parsePanelHighlight("mounts", "4026531963")).toEqual({ kind: "mount", namespace: 4026531963 });
    expect(parsePanelHighlight("mounts", "4026531963:/proc")).toEqual({
      kind: "mount",
      namespace: 4026531963,
      mountPoint: "/proc",
    });
    expect(parsePanelHighlight("mounts", " ")).toBeUndefined();
  });
});

describe("panel focus", () => {
  beforeEach(() =>
    usePanelStore.setState({ active: "namespaces", visible: false, highlight: null, focusRequest: 0 }),
  );

  it("shows the panel, makes the area visible and sets the highlight", () => {
    focusPanelByName("cgroups", "/demo");
    expect(usePanelStore.getState()).toMatchObject({
      active: "cgroups",
      visible: true,
      highlight: { kind: "cgroup", path: "/demo" },
      focusRequest: 1,
    });
    focusPanelByName("processes");
    expect(usePanelStore.getState()).toMatchObject({ active: "processes", highlight: null, focusRequest: 2 });
  });

  it("ignores unknown panel names", () => {
    focusPanelByName("network", "eth0");
    expect(usePanelStore.getState()).toMatchObject({ active: "namespaces", focusRequest: 0 });
  });
});
