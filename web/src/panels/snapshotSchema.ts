// The snapshot shape the panels accept: the protocol's own schema (which allows every null the
// agent may send, so one vanishing process cannot fail a whole snapshot).
import { cgroupSchema, processSchema, snapshotSchema } from "../vm/protocol.ts";
import type { z } from "zod";

export {
  cgroupSchema as panelCgroupSchema,
  processSchema as panelProcessSchema,
  snapshotSchema as panelSnapshotSchema,
};

export type PanelSnapshot = z.infer<typeof snapshotSchema>;
export type PanelProcess = z.infer<typeof processSchema>;
export type PanelCgroup = z.infer<typeof cgroupSchema>;
export type PanelNamespace = PanelSnapshot["namespaces"][number];
export type PanelMountNamespace = PanelSnapshot["mount_namespaces"][number];
export type PanelMount = PanelMountNamespace["mounts"][number];
