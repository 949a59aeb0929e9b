import { describe, expect, it } from "vitest";
import { NAMESPACE_TYPES } from "../vm/protocol.ts";
import { fixture, scenarioPids } from "./fixtures/index.ts";
import {
  buildNamespaceMatrix,
  initialNamespaces,
  type NamespaceMatrix,
  type NamespaceRow,
} from "./namespaceMatrix.ts";
import { createViewSelector } from "./structuralShare.ts";

const INIT_USER = 4026531837;
const pids = scenarioPids(fixture("after"));

function row(matrix: NamespaceMatrix, pid: number): NamespaceRow {
  const found = matrix.rows.find((r) => r.pid === pid);
  if (!found) throw new Error(`no row for pid ${pid}`);
  return found;
}

function cell(r: NamespaceRow, type: (typeof NAMESPACE_TYPES)[number]) {
  return r.cells[NAMESPACE_TYPES.indexOf(type)];
}

describe("buildNamespaceMatrix", () => {
  it("after boot, every process is in the initial namespaces, uncoloured", () => {
    const matrix = buildNamespaceMatrix(fixture("boot"));
    expect(matrix.rows.map((r) => r.command)).toEqual([
      "init",
      "/bin/bash --login",
      "/sbin/guest-agent /dev/ttyS1",
    ]);
    for (const r of matrix.rows) {
      expect(r.cells).toHaveLength(8);
      expect(r.cells.every((c) => c?.initial && c.color === null)).toBe(true);
      expect(r.uid).toEqual({ outside: 0, inside: 0, inUserNamespace: false });
    }
    expect(matrix.namespaces).toHaveLength(8);
  });

  it("takes pid 1's namespaces as the initial ones", () => {
    const initial = initialNamespaces(fixture("boot"));
    expect(initial.get("user")).toBe(INIT_USER);
    expect(initial.size).toBe(8);
  });

  it("shows unshare's child in new uts, pid and mnt namespaces, sharing uts and mnt with unshare", () => {
    const matrix = buildNamespaceMatrix(fixture("after"));
    const unshare = row(matrix, pids.unshare);
    const sleeper = row(matrix, pids.pidNsSleeper);
    expect(sleeper.command).toBe("sleep 1000");
    expect(sleeper.nspid).toEqual([pids.pidNsSleeper, 1]);
    for (const type of ["uts", "mnt"] as const) {
      expect(cell(sleeper, type)?.initial).toBe(false);
      expect(cell(sleeper, type)).toEqual(cell(unshare, type));
      expect(cell(sleeper, type)?.color).not.toBeNull();
    }
    // --fork: unshare itself stays in the old pid namespace, only its child is pid 1 inside.
    expect(cell(unshare, "pid")?.initial).toBe(true);
    expect(cell(sleeper, "pid")?.initial).toBe(false);
    expect(cell(sleeper, "net")?.initial).toBe(true);
  });

  it("computes the uid inside a user namespace from uid_map", () => {
    const sleeper = row(buildNamespaceMatrix(fixture("after")), pids.userNsSleeper);
    expect(cell(sleeper, "user")?.initial).toBe(false);
    expect(sleeper.uid).toEqual({ outside: 1000, inside: 0, inUserNamespace: true });
  });

  it("leaves a zombie's missing links empty instead of failing", () => {
    const zombie = row(buildNamespaceMatrix(fixture("after")), pids.zombie ?? -1);
    expect(zombie.state).toBe("Z");
    expect(zombie.command).toBe("[sleep]");
    expect(cell(zombie, "mnt")).toBeNull();
    expect(cell(zombie, "pid")?.initial).toBe(true);
  });

  it("describes each namespace: owner, parent and members", () => {
    const matrix = buildNamespaceMatrix(fixture("after"));
    const childPid = matrix.namespaces.find((ns) => ns.type === "pid" && !ns.initial);
    expect(childPid?.parent).toBe(initialNamespaces(fixture("after")).get("pid"));
    expect(childPid?.ownerUser).toBe(INIT_USER);
    expect(childPid?.ownerUserInitial).toBe(true);
    expect(childPid?.members).toEqual([
      { key: `pid:${pids.pidNsSleeper}`, pid: pids.pidNsSleeper, command: "sleep 1000" },
    ]);
    const rootless = matrix.namespaces.find((ns) => ns.type === "user" && !ns.initial);
    expect(rootless?.parent).toBe(INIT_USER);
    expect(rootless?.members.map((m) => m.pid)).toEqual([pids.userNsSleeper]);
  });

  it("gives different namespaces of one type different colours", () => {
    const snapshot = fixture("after");
    // A second, separate uts namespace: the colours must differ.
    const extra = structuredClone(snapshot.processes.find((p) => p.pid === pids.labSleeper));
    if (!extra) throw new Error("fixture changed");
    extra.pid = 99;
    extra.ns.uts = 4026532999;
    snapshot.processes.push(extra);
    snapshot.namespaces.push({
      type: "uts",
      inode: 4026532999,
      owner_user: INIT_USER,
      parent: null,
      pids: [99],
    });
    const matrix = buildNamespaceMatrix(snapshot);
    expect(cell(row(matrix, 99), "uts")?.color).not.toBe(cell(row(matrix, pids.pidNsSleeper), "uts")?.color);
  });

  it("does not give a process's new namespaces of different types one colour", () => {
    const sleeper = row(buildNamespaceMatrix(fixture("after")), pids.pidNsSleeper);
    const colours = ["mnt", "uts", "pid"].map((type) => cell(sleeper, type as "mnt")?.color);
    expect(new Set(colours).size).toBe(3);
  });

  it("keeps the row objects of unchanged processes from one snapshot to the next", () => {
    const select = createViewSelector(buildNamespaceMatrix);
    const before = select(fixture("before"));
    const after = select(fixture("after"));
    if (!before || !after) throw new Error("no matrix");
    // init and the unshare'd sleeper did not change between the two captures.
    expect(row(after, 1)).toBe(row(before, 1));
    expect(row(after, pids.pidNsSleeper)).toBe(row(before, pids.pidNsSleeper));
    expect(after.rows.length).toBeGreaterThan(before.rows.length);
  });
});
