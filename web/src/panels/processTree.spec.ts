import { describe, expect, it } from "vitest";
import { fixture, scenarioPids } from "./fixtures/index.ts";
import { buildProcessTree, type ProcessNode } from "./processTree.ts";

function find(nodes: ProcessNode[], pid: number): ProcessNode | undefined {
  for (const node of nodes) {
    if (node.pid === pid) return node;
    const inner = find(node.children, pid);
    if (inner) return inner;
  }
  return undefined;
}

describe("buildProcessTree", () => {
  const tree = buildProcessTree(fixture("after"));
  const pids = scenarioPids(fixture("after"));

  it("hangs every process of the real guest under init", () => {
    expect(tree.roots.map((n) => n.pid)).toEqual([1]);
    expect(tree.count).toBe(fixture("after").processes.length);
    const initChildren = find(tree.roots, 1)?.children.map((n) => n.pid) ?? [];
    expect(initChildren).toEqual([...initChildren].sort((a, b) => a - b));
    expect(initChildren).toEqual(
      expect.arrayContaining([pids.shell, pids.agent, pids.unshare, pids.userNsSleeper]),
    );
    expect(find(tree.roots, pids.unshare)?.children.map((n) => n.pid)).toEqual([pids.pidNsSleeper]);
    expect(find(tree.roots, pids.zombieParent ?? -1)?.children.map((n) => n.pid)).toEqual([pids.zombie]);
  });

  it("badges only the namespaces a process does not share with init", () => {
    expect(find(tree.roots, 1)?.namespaces).toEqual([]);
    expect(find(tree.roots, pids.pidNsSleeper)?.namespaces.map((ns) => ns.type)).toEqual([
      "mnt",
      "uts",
      "pid",
    ]);
    expect(find(tree.roots, pids.unshare)?.namespaces.map((ns) => ns.type)).toEqual(["mnt", "uts"]);
    expect(find(tree.roots, pids.userNsSleeper)?.namespaces.map((ns) => ns.type)).toEqual(["user"]);
    // The zombie has no links but pid/user, and those are init's.
    expect(find(tree.roots, pids.zombie ?? -1)?.namespaces).toEqual([]);
  });

  it("carries cgroup, uid, state and the pid chain", () => {
    expect(find(tree.roots, pids.labSleeper)?.cgroup).toBe("/lab/app");
    expect(find(tree.roots, pids.userNsSleeper)?.uid).toBe(1000);
    expect(find(tree.roots, pids.zombie ?? -1)?.state).toBe("Z");
    expect(find(tree.roots, pids.pidNsSleeper)?.nspid).toEqual([pids.pidNsSleeper, 1]);
  });

  it("makes a process whose parent is not listed (or is itself) a root", () => {
    const snapshot = fixture("boot");
    const orphan = structuredClone(snapshot.processes[1]);
    if (!orphan) throw new Error("fixture changed");
    orphan.pid = 500;
    orphan.ppid = 499;
    const self = { ...structuredClone(orphan), pid: 501, ppid: 501 };
    snapshot.processes.push(orphan, self);
    expect(buildProcessTree(snapshot).roots.map((n) => n.pid)).toEqual([1, 500, 501]);
  });
});
