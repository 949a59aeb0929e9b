// Snapshot → process tree (parent/child by ppid), each process tagged with the namespaces it
// does not share with init and the cgroup it is in.
import { NAMESPACE_TYPES } from "../vm/protocol.ts";
import { containerMembership, type ContainerLabel } from "./containers.ts";
import { commandText } from "./format.ts";
import { namespaceKey, namespaceRefs, type NamespaceRef } from "./namespaceMatrix.ts";
import type { PanelProcess, PanelSnapshot } from "./snapshotSchema.ts";

export interface ProcessNode {
  key: string;
  pid: number;
  ppid: number;
  /** The pid in each nested pid namespace, outermost first. */
  nspid: number[];
  command: string;
  state: string;
  /** Effective uid as the host sees it. */
  uid: number | null;
  /** Only the namespaces that differ from init's: the interesting ones. */
  namespaces: NamespaceRef[];
  /** cgroup v2 path, null without cgroup2. */
  cgroup: string | null;
  /** The crun/runc/podman container the process runs in. */
  container: ContainerLabel | null;
  children: ProcessNode[];
}

export interface ProcessTree {
  roots: ProcessNode[];
  count: number;
}

function buildNode(
  process: PanelProcess,
  refs: Map<string, NamespaceRef>,
  container: ContainerLabel | null,
): ProcessNode {
  const namespaces: NamespaceRef[] = [];
  for (const type of NAMESPACE_TYPES) {
    const inode = process.ns[type];
    const ref = inode == null ? undefined : refs.get(namespaceKey(type, inode));
    if (ref && !ref.initial) namespaces.push(ref);
  }
  return {
    key: `pid:${process.pid}`,
    pid: process.pid,
    ppid: process.ppid,
    nspid: process.nspid,
    command: commandText(process.cmdline, process.comm),
    state: process.state,
    uid: process.uid[1] ?? process.uid[0] ?? null,
    namespaces,
    cgroup: process.cgroup,
    container,
    children: [],
  };
}

export function buildProcessTree(snapshot: PanelSnapshot): ProcessTree {
  const refs = namespaceRefs(snapshot);
  const containers = containerMembership(snapshot);
  const nodes = new Map<number, ProcessNode>();
  for (const process of snapshot.processes)
    nodes.set(process.pid, buildNode(process, refs, containers.get(process.pid) ?? null));
  const roots: ProcessNode[] = [];
  // Processes come sorted by pid, so children stay in pid order under their parent.
  for (const node of nodes.values()) {
    const parent = node.ppid !== node.pid ? nodes.get(node.ppid) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, count: nodes.size };
}
