// Which container each process belongs to, from the runtimes' own state (snapshot.containers:
// crun's and runc's state files) and, for podman's containers, the name on conmon's command line.
import type { PanelProcess, PanelSnapshot } from "./snapshotSchema.ts";

export interface ContainerLabel {
  /** The runtime's container id (podman's is 64 hex digits). */
  id: string;
  /** What a student calls it: podman's name, or the id given to `crun run`/`runc run`. */
  name: string;
  runtime: "crun" | "runc";
  /** "podman" when conmon (so podman, or docker through it) started it. */
  engine: "podman" | null;
  /** The container's init process. */
  pid: number;
  /** Its cgroup, null when the process has none to show. */
  cgroup: string | null;
}

/** conmon's `-c ID` / `--cid ID` and `-n NAME` / `--name NAME` (also `--name=NAME`). */
function conmonNames(processes: readonly PanelProcess[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of processes) {
    const [argv0 = "", ...args] = p.cmdline;
    if (p.comm !== "conmon" && !argv0.endsWith("/conmon") && argv0 !== "conmon") continue;
    let id: string | undefined;
    let name: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? "";
      const next = args[i + 1];
      if ((arg === "-c" || arg === "--cid") && next) id = next;
      else if ((arg === "-n" || arg === "--name") && next) name = next;
      else if (arg.startsWith("--cid=")) id = arg.slice(6);
      else if (arg.startsWith("--name=")) name = arg.slice(7);
    }
    if (id && name) names.set(id, name);
  }
  return names;
}

function within(cgroup: string | null, parent: string): boolean {
  return cgroup !== null && (cgroup === parent || cgroup.startsWith(parent + "/"));
}

/**
 * pid → the container it runs in: the container's init, every process in the init's pid
 * namespace (when it has its own) and every process in the init's cgroup subtree (when it has
 * its own): `podman exec` and `crun exec` processes join both.
 */
export function containerMembership(snapshot: PanelSnapshot): Map<number, ContainerLabel> {
  const members = new Map<number, ContainerLabel>();
  const containers = snapshot.containers ?? [];
  if (containers.length === 0) return members;
  const byPid = new Map(snapshot.processes.map((p) => [p.pid, p]));
  const host = byPid.get(1);
  const names = conmonNames(snapshot.processes);
  for (const c of containers) {
    const init = byPid.get(c.pid);
    if (!init) continue;
    const podmanName = names.get(c.id);
    const label: ContainerLabel = {
      id: c.id,
      name: podmanName ?? c.id,
      runtime: c.runtime,
      engine: podmanName ? "podman" : null,
      pid: c.pid,
      cgroup: init.cgroup !== "/" ? init.cgroup : null,
    };
    const ownPidNs = init.ns.pid != null && init.ns.pid !== host?.ns.pid ? init.ns.pid : null;
    for (const p of snapshot.processes) {
      if (members.has(p.pid)) continue;
      const inPidNs = ownPidNs !== null && p.ns.pid === ownPidNs;
      const inCgroup = label.cgroup !== null && within(p.cgroup, label.cgroup);
      if (p.pid === c.pid || inPidNs || inCgroup) members.set(p.pid, label);
    }
  }
  return members;
}

/** cgroup path → the container whose cgroup it is. */
export function containerCgroups(members: Map<number, ContainerLabel>): Map<string, ContainerLabel> {
  const cgroups = new Map<string, ContainerLabel>();
  for (const label of members.values()) if (label.cgroup) cgroups.set(label.cgroup, label);
  return cgroups;
}

/** The name as the panels show it: podman's 12-digit short id when the name is an id. */
export function containerTitle(label: ContainerLabel): string {
  return /^[0-9a-f]{64}$/.test(label.name) ? label.name.slice(0, 12) : label.name;
}
