import { describe, expect, it } from "vitest";
import { fixture, scenarioPids } from "./fixtures/index.ts";
import { buildMountTables, mountTreeOrder } from "./mountTable.ts";
import type { PanelMount } from "./snapshotSchema.ts";

function mount(id: number, parent: number, mountPoint: string): PanelMount {
  return {
    id,
    parent,
    dev: "0:1",
    root: "/",
    mount_point: mountPoint,
    options: "rw",
    fs_type: "tmpfs",
    source: "tmpfs",
    super_options: "rw",
    optional: [],
  };
}

describe("buildMountTables", () => {
  const tables = buildMountTables(fixture("after"));

  it("has one table per mount namespace of the real guest, the initial one first", () => {
    expect(tables.namespaces.map((ns) => ns.initial)).toEqual([true, false]);
    const [initial, child] = tables.namespaces;
    expect(initial?.pid).toBe(1);
    expect(initial?.command).toBe("init");
    const pids = scenarioPids(fixture("after"));
    expect(child?.members).toEqual([pids.unshare, pids.pidNsSleeper]);
    expect(child?.command).toContain("unshare");
  });

  it("orders mounts as a tree with depths", () => {
    const initial = tables.namespaces[0];
    const rows = initial?.mounts ?? [];
    expect(rows[0]).toMatchObject({ mountPoint: "/", depth: 0, fsType: "rootfs" });
    expect(rows.find((r) => r.mountPoint === "/dev/pts")?.depth).toBe(2);
    expect(rows.find((r) => r.mountPoint === "/sys/fs/cgroup")?.depth).toBe(2);
    const ids = rows.map((r) => r.id);
    for (const row of rows)
      if (row.depth > 0) expect(ids.indexOf(row.parentId)).toBeLessThan(ids.indexOf(row.id));
  });

  it("breaks the overlay into its layers; the unshare'd namespace has its own /proc and no overlay", () => {
    const [initial, child] = tables.namespaces;
    const overlay = initial?.mounts.find((r) => r.overlay);
    expect(overlay?.mountPoint).toBe("/tmp/ov/merged");
    expect(overlay?.overlay?.lower).toEqual(["/tmp/ov/lower-top", "/tmp/ov/lower-base"]);
    expect(overlay?.depth).toBe(2);
    expect(child?.mounts.some((r) => r.overlay)).toBe(false);
    expect(child?.mounts.filter((r) => r.mountPoint === "/proc")).toHaveLength(2);
    expect(child?.mounts.every((r) => r.propagation.length === 0)).toBe(true);
  });
});

describe("mountTreeOrder", () => {
  it("keeps kernel order among siblings and survives a parent loop", () => {
    const rows = mountTreeOrder([
      mount(2, 1, "/"),
      mount(4, 2, "/b"),
      mount(3, 2, "/a"),
      mount(5, 6, "/x"),
      mount(6, 5, "/y"),
    ]);
    expect(rows.map((r) => [r.id, r.depth])).toEqual([
      [2, 0],
      [4, 1],
      [3, 1],
      [5, 0],
      [6, 0],
    ]);
  });
});
