// Snapshot → namespace matrix: one row per process, one column per namespace type (like
// lsns, turned sideways), with a colour per namespace so that sharing is visible at a glance.
import { NAMESPACE_TYPES, type NamespaceType } from "../vm/protocol.ts";
import { containerMembership, type ContainerLabel } from "./containers.ts";
import { commandText } from "./format.ts";
import { insideId } from "./idMap.ts";
import type { PanelNamespace, PanelProcess, PanelSnapshot } from "./snapshotSchema.ts";

/** How many distinct colours non-initial namespaces of one type cycle through (see the CSS). */
export const NAMESPACE_PALETTE_SIZE = 8;

export interface NamespaceRef {
  /** `type:inode`, unique in a snapshot. */
  key: string;
  type: NamespaceType;
  inode: number;
  /** The namespace init (pid 1) is in: the one every process starts with. */
  initial: boolean;
  /** Palette index for non-initial namespaces; null for initial ones, which stay neutral. */
  color: number | null;
}

export interface NamespaceRow {
  key: string;
  pid: number;
  /** The pid in each nested pid namespace, outermost (the host's) first. */
  nspid: number[];
  command: string;
  state: string;
  /** Effective uid as the host sees it, and inside the process's user namespace. */
  uid: { outside: number | null; inside: number | null; inUserNamespace: boolean };
  /** One cell per entry of NAMESPACE_TYPES, null where the kernel gave no link (zombies). */
  cells: (NamespaceRef | null)[];
  /** The crun/runc/podman container the process runs in. */
  container: ContainerLabel | null;
}

export interface NamespaceMember {
  key: string;
  pid: number;
  command: string;
}

export interface NamespaceInfo extends NamespaceRef {
  /** Owning user namespace (for a user namespace: its parent), null when not visible. */
  ownerUser: number | null;
  ownerUserInitial: boolean;
  /** pid and user namespaces only: the namespace this one is nested in. */
  parent: number | null;
  members: NamespaceMember[];
}

export interface NamespaceMatrix {
  types: readonly NamespaceType[];
  rows: NamespaceRow[];
  namespaces: NamespaceInfo[];
}

export function namespaceKey(type: NamespaceType, inode: number): string {
  return `${type}:${inode}`;
}

/** The inode of each type that pid 1 is in: those are the initial namespaces. */
export function initialNamespaces(snapshot: PanelSnapshot): Map<NamespaceType, number> {
  const init = snapshot.processes.find((p) => p.pid === 1);
  const result = new Map<NamespaceType, number>();
  for (const type of NAMESPACE_TYPES) {
    const inode = init?.ns[type];
    if (inode != null) result.set(type, inode);
  }
  return result;
}

/**
 * Namespace refs for every namespace in the snapshot. Colours go by inode order within a
 * type, so a namespace keeps its colour while it lives unless an older one of its type ends.
 * Each type starts at its own place in the palette, so that a process's new mnt and uts
 * namespaces (made by one unshare) do not look like one thing.
 */
export function namespaceRefs(snapshot: PanelSnapshot): Map<string, NamespaceRef> {
  const initial = initialNamespaces(snapshot);
  const refs = new Map<string, NamespaceRef>();
  for (const [typeIndex, type] of NAMESPACE_TYPES.entries()) {
    const inodes = snapshot.namespaces
      .filter((ns) => ns.type === type)
      .map((ns) => ns.inode)
      .sort((a, b) => a - b);
    let next = typeIndex;
    for (const inode of inodes) {
      const isInitial = initial.get(type) === inode;
      const color = isInitial ? null : next++ % NAMESPACE_PALETTE_SIZE;
      refs.set(namespaceKey(type, inode), {
        key: namespaceKey(type, inode),
        type,
        inode,
        initial: isInitial,
        color,
      });
    }
  }
  return refs;
}

function uidOf(process: PanelProcess, initialUser: number | undefined): NamespaceRow["uid"] {
  // Effective uid, as `id -u` reports it.
  const outside = process.uid[1] ?? process.uid[0] ?? null;
  const userNs = process.ns.user;
  const inUserNamespace = userNs != null && initialUser !== undefined && userNs !== initialUser;
  const inside = outside === null ? null : inUserNamespace ? insideId(outside, process.uid_map) : outside;
  return { outside, inside, inUserNamespace };
}

function buildRow(
  process: PanelProcess,
  refs: Map<string, NamespaceRef>,
  initialUser: number | undefined,
  container: ContainerLabel | null,
): NamespaceRow {
  return {
    key: `pid:${process.pid}`,
    pid: process.pid,
    nspid: process.nspid,
    command: commandText(process.cmdline, process.comm),
    state: process.state,
    uid: uidOf(process, initialUser),
    cells: NAMESPACE_TYPES.map((type) => {
      const inode = process.ns[type];
      return inode == null ? null : (refs.get(namespaceKey(type, inode)) ?? null);
    }),
    container,
  };
}

function buildInfo(
  ns: PanelNamespace,
  ref: NamespaceRef,
  commands: Map<number, string>,
  initialUser: number | undefined,
): NamespaceInfo {
  return {
    ...ref,
    ownerUser: ns.owner_user,
    ownerUserInitial: ns.owner_user !== null && ns.owner_user === initialUser,
    parent: ns.parent,
    members: ns.pids.map((pid) => ({ key: `pid:${pid}`, pid, command: commands.get(pid) ?? "" })),
  };
}

export function buildNamespaceMatrix(snapshot: PanelSnapshot): NamespaceMatrix {
  const refs = namespaceRefs(snapshot);
  const containers = containerMembership(snapshot);
  const initialUser = initialNamespaces(snapshot).get("user");
  const commands = new Map(snapshot.processes.map((p) => [p.pid, commandText(p.cmdline, p.comm)]));
  const namespaces: NamespaceInfo[] = [];
  for (const ns of snapshot.namespaces) {
    const ref = refs.get(namespaceKey(ns.type, ns.inode));
    if (ref) namespaces.push(buildInfo(ns, ref, commands, initialUser));
  }
  return {
    types: NAMESPACE_TYPES,
    rows: snapshot.processes.map((p) => buildRow(p, refs, initialUser, containers.get(p.pid) ?? null)),
    namespaces,
  };
}
