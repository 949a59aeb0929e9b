// Limits being hit, found by comparing two snapshots: the kernel only keeps counters
// (memory.events oom_kill, pids.events max), so an event is a counter that grew.
import type { PanelCgroup, PanelSnapshot } from "./snapshotSchema.ts";

export type CgroupEventKind = "oom_kill" | "pids_max";

export interface CgroupEventChange {
  kind: CgroupEventKind;
  path: string;
  /** How much the counter grew since the previous snapshot. */
  delta: number;
  /** The counter's value now. */
  total: number;
}

export interface CgroupEvent extends CgroupEventChange {
  id: number;
  /** Host time (ms since the epoch) of the snapshot that showed it. */
  at: number;
}

function counters(cg: PanelCgroup): Record<CgroupEventKind, number> {
  return { oom_kill: cg.memory?.events?.oom_kill ?? 0, pids_max: cg.pids?.events_max ?? 0 };
}

/**
 * Counters that grew between `previous` and `next`. Without a previous snapshot nothing is
 * reported: a counter already above zero at the first look happened at an unknown time. A
 * cgroup that is new since `previous` counts from zero, so "mkdir + run + OOM" between two
 * polls still shows up.
 */
export function detectCgroupEvents(previous: PanelSnapshot | null, next: PanelSnapshot): CgroupEventChange[] {
  if (!previous) return [];
  const before = new Map(previous.cgroups.map((cg) => [cg.path, counters(cg)]));
  const changes: CgroupEventChange[] = [];
  for (const cg of next.cgroups) {
    const now = counters(cg);
    const then = before.get(cg.path) ?? { oom_kill: 0, pids_max: 0 };
    for (const kind of ["oom_kill", "pids_max"] as const) {
      // A smaller value means the cgroup was removed and made again: a fresh counter.
      const base = now[kind] < then[kind] ? 0 : then[kind];
      if (now[kind] > base) changes.push({ kind, path: cg.path, delta: now[kind] - base, total: now[kind] });
    }
  }
  return changes;
}
