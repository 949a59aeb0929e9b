import { describe, expect, it } from "vitest";
import {
  buildCgroupTree,
  findCgroup,
  parentPath,
  parseCpuMax,
  type CgroupNode,
  type CgroupTree,
} from "./cgroupTree.ts";
import { fixture, scenarioPids } from "./fixtures/index.ts";
import { createViewSelector } from "./structuralShare.ts";

function node(tree: CgroupTree, path: string): CgroupNode {
  const found = findCgroup(tree, path);
  if (!found) throw new Error(`no cgroup ${path}`);
  return found;
}

describe("buildCgroupTree", () => {
  const after = buildCgroupTree(fixture("after"));

  it("nests the real hierarchy under the root, siblings by name", () => {
    expect(after.roots.map((n) => n.path)).toEqual(["/"]);
    expect(node(after, "/").children.map((n) => n.name)).toEqual(["demo", "forks", "lab", "slow"]);
    expect(node(after, "/lab").children.map((n) => n.path)).toEqual(["/lab/app"]);
    expect(node(after, "/lab/app").depth).toBe(2);
  });

  it("shows controllers available per node and those enabled for its children", () => {
    expect(node(after, "/").subtreeControl).toEqual(["cpu", "memory", "pids"]);
    expect(node(after, "/lab").subtreeControl).toEqual(["memory", "pids"]);
    expect(node(after, "/lab/app").controllers).toEqual(["memory", "pids"]);
  });

  it("lists member processes and counts the root's kernel threads apart", () => {
    expect(node(after, "/demo").members).toEqual([expect.objectContaining({ command: "sleep 1000" })]);
    const root = node(after, "/");
    const pids = scenarioPids(fixture("after"));
    expect(root.members.map((m) => m.pid)).toEqual(
      expect.arrayContaining([1, pids.shell, pids.agent, pids.unshare]),
    );
    expect(root.members.map((m) => m.pid)).not.toContain(pids.labSleeper);
    // cgroup.procs of the root lists kernel threads (kthreadd and friends), which the agent leaves out.
    const rawRoot = fixture("after").cgroups[0];
    expect(root.unlistedMembers).toBe((rawRoot?.procs.length ?? 0) - root.members.length);
    expect(root.unlistedMembers).toBeGreaterThan(0);
  });

  it("reads memory.current against memory.max, and the OOM kill", () => {
    const memory = node(after, "/demo").memory;
    expect(memory?.max).toBe(20 * 1024 * 1024);
    // The sleep left in /demo after the OOM kill uses a little memory; the exact amount varies.
    const current = memory?.current ?? 0;
    expect(current).toBeGreaterThan(0);
    expect(memory?.fraction).toBeCloseTo(current / 20971520);
    expect(memory?.level).toBe("ok");
    expect(memory?.oomKills).toBe(1);
    expect(memory?.maxHits).toBeGreaterThan(0);
    // No limit: no fraction, no bar. The root has no memory files at all.
    expect(node(after, "/lab").memory?.max).toBeNull();
    expect(node(after, "/lab").memory?.fraction).toBeNull();
    expect(node(after, "/").memory).toBeNull();
  });

  it("reads pids.current / pids.max and refused forks", () => {
    expect(node(after, "/forks").pids).toEqual({ current: 0, max: 5, refusals: 1 });
    expect(node(after, "/demo").pids).toEqual({ current: 1, max: null, refusals: 0 });
  });

  it("reads cpu.max and the throttling in cpu.stat", () => {
    const cpu = node(after, "/slow").cpu;
    expect(cpu?.quotaUs).toBe(10000);
    expect(cpu?.periodUs).toBe(100000);
    expect(cpu?.throttledPeriods).toBeGreaterThan(0);
    expect(cpu?.throttledUs).toBeGreaterThan(0);
    expect(node(after, "/demo").cpu?.quotaUs).toBeNull();
    // The root has cpu.stat but no cpu.max.
    expect(node(after, "/").cpu).toMatchObject({ quotaUs: null, periodUs: null });
  });

  it("marks memory near the limit", () => {
    const snapshot = fixture("after");
    const demo = snapshot.cgroups.find((cg) => cg.path === "/demo");
    if (!demo?.memory) throw new Error("fixture changed");
    demo.memory.current = 19 * 1024 * 1024;
    expect(node(buildCgroupTree(snapshot), "/demo").memory?.level).toBe("danger");
    demo.memory.current = 16 * 1024 * 1024;
    expect(node(buildCgroupTree(snapshot), "/demo").memory?.level).toBe("warn");
  });

  it("only replaces the nodes that changed between two snapshots", () => {
    const select = createViewSelector(buildCgroupTree);
    const before = select(fixture("before"));
    const later = select(fixture("after"));
    if (!before || !later) throw new Error("no tree");
    expect(node(later, "/demo")).not.toBe(node(before, "/demo"));
    // Nothing changed in /lab/app's knobs except memory.current: a new object.
    // /lab/app's member list is the same array, though.
    expect(node(later, "/lab/app").members).toBe(node(before, "/lab/app").members);
    expect(node(later, "/").subtreeControl).toBe(node(before, "/").subtreeControl);
  });
});

describe("cgroup helpers", () => {
  it("parentPath", () => {
    expect(parentPath("/")).toBeNull();
    expect(parentPath("/demo")).toBe("/");
    expect(parentPath("/lab/app")).toBe("/lab");
  });

  it("parseCpuMax", () => {
    expect(parseCpuMax("max 100000")).toEqual({ quotaUs: null, periodUs: 100000 });
    expect(parseCpuMax("50000 100000")).toEqual({ quotaUs: 50000, periodUs: 100000 });
    expect(parseCpuMax(undefined)).toEqual({ quotaUs: null, periodUs: null });
  });
});
