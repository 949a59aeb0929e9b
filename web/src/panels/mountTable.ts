// Snapshot → one mount table per mount namespace, in mount-tree order (a mount under its
// parent), with overlay mounts broken into their layers.
import { commandText } from "./format.ts";
import { initialNamespaces } from "./namespaceMatrix.ts";
import { parseOverlay, type OverlayLayers } from "./overlayLayers.ts";
import type { PanelMount, PanelMountNamespace, PanelSnapshot } from "./snapshotSchema.ts";

export interface MountRow {
  key: string;
  id: number;
  parentId: number;
  /** Nesting in the mount tree: 0 for the namespace's root mount. */
  depth: number;
  mountPoint: string;
  fsType: string;
  source: string;
  /** The part of the source filesystem mounted here ("/" unless it is a bind mount of a subtree). */
  root: string;
  options: string;
  superOptions: string;
  /** Propagation tags: shared:N, master:N, ... */
  propagation: string[];
  overlay: OverlayLayers | null;
}

export interface MountNamespaceTable {
  key: string;
  inode: number;
  initial: boolean;
  /** The process whose mountinfo was read, and its command, to name the namespace. */
  pid: number;
  command: string;
  members: number[];
  mounts: MountRow[];
}

export interface MountTables {
  namespaces: MountNamespaceTable[];
}

function toRow(mount: PanelMount, depth: number): MountRow {
  return {
    key: `mount:${mount.id}`,
    id: mount.id,
    parentId: mount.parent,
    depth,
    mountPoint: mount.mount_point,
    fsType: mount.fs_type,
    source: mount.source,
    root: mount.root,
    options: mount.options,
    superOptions: mount.super_options,
    propagation: mount.optional,
    overlay: mount.fs_type === "overlay" ? parseOverlay(mount.mount_point, mount.super_options) : null,
  };
}

/** Orders mounts parent-before-children, keeping kernel order among siblings. */
export function mountTreeOrder(mounts: readonly PanelMount[]): MountRow[] {
  const ids = new Set(mounts.map((m) => m.id));
  const children = new Map<number, PanelMount[]>();
  const roots: PanelMount[] = [];
  for (const mount of mounts) {
    // A parent outside this table (the namespace's root mount points above itself) makes a root.
    if (mount.parent === mount.id || !ids.has(mount.parent)) roots.push(mount);
    else {
      const siblings = children.get(mount.parent);
      if (siblings) siblings.push(mount);
      else children.set(mount.parent, [mount]);
    }
  }
  const rows: MountRow[] = [];
  const seen = new Set<number>();
  const visit = (mount: PanelMount, depth: number): void => {
    if (seen.has(mount.id)) return;
    seen.add(mount.id);
    rows.push(toRow(mount, depth));
    for (const child of children.get(mount.id) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  // Whatever a parent loop kept out of the walk is still shown, flat.
  for (const mount of mounts) if (!seen.has(mount.id)) rows.push(toRow(mount, 0));
  return rows;
}

function buildTable(
  entry: PanelMountNamespace,
  snapshot: PanelSnapshot,
  initialMnt: number | undefined,
): MountNamespaceTable {
  const reader = snapshot.processes.find((p) => p.pid === entry.pid);
  const members = snapshot.namespaces.find((ns) => ns.type === "mnt" && ns.inode === entry.inode)?.pids ?? [];
  return {
    key: `mnt:${entry.inode}`,
    inode: entry.inode,
    initial: entry.inode === initialMnt,
    pid: entry.pid,
    command: reader ? commandText(reader.cmdline, reader.comm) : "",
    members,
    mounts: mountTreeOrder(entry.mounts),
  };
}

export function buildMountTables(snapshot: PanelSnapshot): MountTables {
  const initialMnt = initialNamespaces(snapshot).get("mnt");
  const namespaces = snapshot.mount_namespaces.map((entry) => buildTable(entry, snapshot, initialMnt));
  // The initial namespace first: it is the one the lab's shell starts in.
  namespaces.sort((a, b) => Number(b.initial) - Number(a.initial));
  return { namespaces };
}
