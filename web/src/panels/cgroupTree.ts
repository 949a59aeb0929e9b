// Snapshot → cgroup v2 tree: per node the enabled controllers, members and the limits that
// matter for the lessons (memory, pids, cpu), with their usage and counters.
import { containerCgroups, containerMembership, type ContainerLabel } from "./containers.ts";
import { commandText } from "./format.ts";
import type { PanelCgroup, PanelSnapshot } from "./snapshotSchema.ts";

export interface CgroupMember {
  key: string;
  pid: number;
  command: string;
}

export interface CgroupMemory {
  current: number | null;
  /** null when unlimited ("max") or when the node has no memory.max (the root). */
  max: number | null;
  /** current / max, only with a limit. */
  fraction: number | null;
  level: "ok" | "warn" | "danger";
  oomKills: number;
  /** Times usage hit memory.max (memory.events "max"). */
  maxHits: number;
}

export interface CgroupPids {
  current: number | null;
  max: number | null;
  /** Forks refused because pids.max was reached (pids.events "max"). */
  refusals: number;
}

export interface CgroupCpu {
  /** µs of CPU per period; null when unlimited. */
  quotaUs: number | null;
  periodUs: number | null;
  weight: number | null;
  usageUs: number | null;
  periods: number | null;
  throttledPeriods: number | null;
  throttledUs: number | null;
}

export interface CgroupNode {
  key: string;
  path: string;
  name: string;
  depth: number;
  controllers: string[];
  subtreeControl: string[];
  members: CgroupMember[];
  /** Members that are not in the process list: kernel threads (in the root) or pids gone mid-read. */
  unlistedMembers: number;
  memory: CgroupMemory | null;
  pids: CgroupPids | null;
  cpu: CgroupCpu | null;
  frozen: boolean | null;
  /** The container whose cgroup this is (podman's libpod-<id>, crun's and runc's own). */
  container: ContainerLabel | null;
  children: CgroupNode[];
}

export interface CgroupTree {
  roots: CgroupNode[];
  /** Every path, for lookups (highlights, events). */
  paths: string[];
}

const WARN_FRACTION = 0.75;
const DANGER_FRACTION = 0.9;

export function parentPath(path: string): string | null {
  if (path === "/") return null;
  const cut = path.lastIndexOf("/");
  return cut <= 0 ? "/" : path.slice(0, cut);
}

function limit(value: number | "max" | null | undefined): number | null {
  return typeof value === "number" ? value : null;
}

function memoryOf(cg: PanelCgroup): CgroupMemory | null {
  if (!cg.memory) return null;
  const current = cg.memory.current ?? null;
  const max = limit(cg.memory.max);
  const fraction = current !== null && max !== null && max > 0 ? current / max : null;
  const level =
    fraction === null
      ? "ok"
      : fraction >= DANGER_FRACTION
        ? "danger"
        : fraction >= WARN_FRACTION
          ? "warn"
          : "ok";
  const events = cg.memory.events ?? {};
  return { current, max, fraction, level, oomKills: events.oom_kill ?? 0, maxHits: events.max ?? 0 };
}

function pidsOf(cg: PanelCgroup): CgroupPids | null {
  if (!cg.pids) return null;
  return { current: cg.pids.current ?? null, max: limit(cg.pids.max), refusals: cg.pids.events_max ?? 0 };
}

/** cpu.max is "QUOTA PERIOD" or "max PERIOD". */
export function parseCpuMax(text: string | null | undefined): {
  quotaUs: number | null;
  periodUs: number | null;
} {
  const [quota, period] = (text ?? "").trim().split(/\s+/);
  const periodUs = period !== undefined && /^\d+$/.test(period) ? Number(period) : null;
  const quotaUs = quota !== undefined && /^\d+$/.test(quota) ? Number(quota) : null;
  return { quotaUs, periodUs };
}

function cpuOf(cg: PanelCgroup): CgroupCpu | null {
  if (!cg.cpu) return null;
  const stat = cg.cpu.stat ?? {};
  return {
    ...parseCpuMax(cg.cpu.max),
    weight: cg.cpu.weight ?? null,
    usageUs: stat.usage_usec ?? null,
    periods: stat.nr_periods ?? null,
    throttledPeriods: stat.nr_throttled ?? null,
    throttledUs: stat.throttled_usec ?? null,
  };
}

function buildNode(
  cg: PanelCgroup,
  commands: Map<number, string>,
  container: ContainerLabel | null,
): CgroupNode {
  const members: CgroupMember[] = [];
  let unlistedMembers = 0;
  for (const pid of cg.procs) {
    const command = commands.get(pid);
    if (command === undefined) unlistedMembers++;
    else members.push({ key: `pid:${pid}`, pid, command });
  }
  return {
    key: cg.path,
    path: cg.path,
    name: cg.path === "/" ? "/" : cg.path.slice(cg.path.lastIndexOf("/") + 1),
    depth: cg.path === "/" ? 0 : cg.path.split("/").length - 1,
    controllers: cg.controllers,
    subtreeControl: cg.subtree_control,
    members,
    unlistedMembers,
    memory: memoryOf(cg),
    pids: pidsOf(cg),
    cpu: cpuOf(cg),
    frozen: cg.frozen == null ? null : cg.frozen === 1,
    container,
    children: [],
  };
}

export function buildCgroupTree(snapshot: PanelSnapshot): CgroupTree {
  const commands = new Map(snapshot.processes.map((p) => [p.pid, commandText(p.cmdline, p.comm)]));
  const containers = containerCgroups(containerMembership(snapshot));
  const nodes = new Map<string, CgroupNode>();
  for (const cg of snapshot.cgroups)
    nodes.set(cg.path, buildNode(cg, commands, containers.get(cg.path) ?? null));
  const roots: CgroupNode[] = [];
  // The agent walks parents first and siblings by name, so insertion order is display order.
  for (const node of nodes.values()) {
    const parent = nodes.get(parentPath(node.path) ?? "");
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, paths: [...nodes.keys()] };
}

/** Depth-first lookup by path. */
export function findCgroup(tree: CgroupTree, path: string): CgroupNode | null {
  const stack = [...tree.roots];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.path === path) return node;
    stack.push(...node.children);
  }
  return null;
}
