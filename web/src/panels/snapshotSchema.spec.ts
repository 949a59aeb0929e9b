import { describe, expect, it } from "vitest";
import { rawFixtures } from "./fixtures/index.ts";
import { panelSnapshotSchema } from "./snapshotSchema.ts";

describe("panelSnapshotSchema", () => {
  it.each(Object.keys(rawFixtures) as (keyof typeof rawFixtures)[])(
    "accepts the real guest's %s snapshot",
    (name) => {
      expect(panelSnapshotSchema.safeParse(rawFixtures[name]).success).toBe(true);
    },
  );

  it("accepts a zombie with null namespace links (captured in the after fixture)", () => {
    const zombie = panelSnapshotSchema.parse(rawFixtures.after).processes.find((p) => p.state === "Z");
    expect(zombie?.ns.mnt).toBeNull();
    expect(zombie?.ns.pid).not.toBeNull();
  });

  it("accepts the nulls PROTOCOL.md allows for missing knob files and capability lines", () => {
    const snapshot = structuredClone(rawFixtures.after) as unknown as {
      processes: Record<string, unknown>[];
      cgroups: Record<string, unknown>[];
    };
    Object.assign(snapshot.processes[0] ?? {}, { cap_eff: null, cgroup: null, uid_map: null });
    Object.assign(snapshot.cgroups[1] ?? {}, {
      memory: { current: 0, max: null, events: null },
      pids: { current: null, max: "max", events_max: null },
      frozen: null,
    });
    expect(panelSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it("rejects a reply that is not a snapshot", () => {
    expect(panelSnapshotSchema.safeParse({ processes: "nope" }).success).toBe(false);
    const broken = structuredClone(rawFixtures.boot) as unknown as { processes: { pid: unknown }[] };
    if (broken.processes[0]) broken.processes[0].pid = "1";
    expect(panelSnapshotSchema.safeParse(broken).success).toBe(false);
  });
});
