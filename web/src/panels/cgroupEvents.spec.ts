import { describe, expect, it } from "vitest";
import { detectCgroupEvents } from "./cgroupEvents.ts";
import { fixture } from "./fixtures/index.ts";
import type { PanelSnapshot } from "./snapshotSchema.ts";

function withoutCgroup(snapshot: PanelSnapshot, path: string): PanelSnapshot {
  return { ...snapshot, cgroups: snapshot.cgroups.filter((cg) => cg.path !== path) };
}

describe("detectCgroupEvents", () => {
  it("finds the real OOM kill in /demo and the refused forks in /forks", () => {
    expect(detectCgroupEvents(fixture("before"), fixture("after"))).toEqual([
      { kind: "oom_kill", path: "/demo", delta: 1, total: 1 },
      { kind: "pids_max", path: "/forks", delta: 1, total: 1 },
    ]);
  });

  it("reports nothing without a previous snapshot, or when nothing grew", () => {
    expect(detectCgroupEvents(null, fixture("after"))).toEqual([]);
    expect(detectCgroupEvents(fixture("after"), fixture("after"))).toEqual([]);
    expect(detectCgroupEvents(fixture("boot"), fixture("before"))).toEqual([]);
  });

  it("counts a cgroup that appeared since the previous snapshot from zero", () => {
    const changes = detectCgroupEvents(withoutCgroup(fixture("before"), "/demo"), fixture("after"));
    expect(changes).toContainEqual({ kind: "oom_kill", path: "/demo", delta: 1, total: 1 });
  });

  it("treats a counter that went down as a recreated cgroup", () => {
    const previous = fixture("after");
    const demo = previous.cgroups.find((cg) => cg.path === "/demo");
    if (!demo?.memory?.events) throw new Error("fixture changed");
    demo.memory.events.oom_kill = 5;
    expect(detectCgroupEvents(previous, fixture("after"))).toContainEqual({
      kind: "oom_kill",
      path: "/demo",
      delta: 1,
      total: 1,
    });
  });
});
