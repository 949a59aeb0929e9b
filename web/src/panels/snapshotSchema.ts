// The snapshot shape the panels accept: protocol.ts's schema, loosened where PROTOCOL.md (and
// the agent's code) allow a null that protocol.ts does not: capability lines of a process that
// exits mid-read, a cgroup knob whose file is missing ("the ones whose file is missing are
// null"), pids.events without a "max" line, and `frozen` at the root. A single such null would
// otherwise fail the whole snapshot and leave every panel stale. Once protocol.ts allows them,
// this file can re-export its schema unchanged.
import { z } from "zod";
import { cgroupSchema, processSchema, snapshotSchema } from "../vm/protocol.ts";

const maxOrNumber = z.union([z.number(), z.literal("max")]);
const knob = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const panelProcessSchema = processSchema.extend({
  cap_eff: z.string().nullable(),
  cap_prm: z.string().nullable(),
  cap_bnd: z.string().nullable(),
});

export const panelCgroupSchema = cgroupSchema.extend({
  memory: knob(
    z.object({
      current: knob(z.number()),
      max: knob(maxOrNumber),
      events: knob(z.record(z.string(), z.number())),
    }),
  ),
  pids: knob(
    z.object({
      current: knob(z.number()),
      max: knob(maxOrNumber),
      events_max: knob(z.number()),
    }),
  ),
  cpu: knob(
    z.object({
      max: knob(z.string()),
      weight: knob(z.number()),
      stat: knob(z.record(z.string(), z.number())),
    }),
  ),
  frozen: knob(z.number()),
});

export const panelSnapshotSchema = snapshotSchema.extend({
  processes: z.array(panelProcessSchema),
  cgroups: z.array(panelCgroupSchema),
});

export type PanelSnapshot = z.infer<typeof panelSnapshotSchema>;
export type PanelProcess = z.infer<typeof panelProcessSchema>;
export type PanelCgroup = z.infer<typeof panelCgroupSchema>;
export type PanelNamespace = PanelSnapshot["namespaces"][number];
export type PanelMountNamespace = PanelSnapshot["mount_namespaces"][number];
export type PanelMount = PanelMountNamespace["mounts"][number];
