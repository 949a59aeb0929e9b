// The guest agent protocol, host side: the one place its shapes are typed.
// The agent (vm-image/agent) speaks newline-delimited JSON on the guest's ttyS1;
// vm-image/agent/PROTOCOL.md is the reference this file follows.
import { z } from "../zodConfig.ts";

/** Namespace types the kernel has, in the order the panels show them. */
export const NAMESPACE_TYPES = ["mnt", "uts", "ipc", "pid", "net", "user", "cgroup", "time"] as const;
export type NamespaceType = (typeof NAMESPACE_TYPES)[number];

const maxOrNumber = z.union([z.number(), z.literal("max")]);
/** A cgroup knob: absent or null when its file is missing (e.g. memory.max at the root). */
const knob = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const processSchema = z.object({
  pid: z.number(),
  ppid: z.number(),
  comm: z.string(),
  cmdline: z.array(z.string()),
  state: z.string(),
  uid: z.array(z.number()),
  gid: z.array(z.number()),
  nspid: z.array(z.number()),
  // null for a process that exits while it is being read.
  cap_eff: z.string().nullable(),
  cap_prm: z.string().nullable(),
  cap_bnd: z.string().nullable(),
  no_new_privs: z.number(),
  seccomp: z.number(),
  // A zombie keeps only its pid and user namespace links; a vanishing process may lose the rest.
  cgroup: z.string().nullable(),
  ns: z.record(z.enum(NAMESPACE_TYPES), z.number().nullable()),
  uid_map: z.array(z.array(z.number())).nullable(),
  gid_map: z.array(z.array(z.number())).nullable(),
});
export type GuestProcess = z.infer<typeof processSchema>;

export const namespaceSchema = z.object({
  type: z.enum(NAMESPACE_TYPES),
  inode: z.number(),
  owner_user: z.number().nullable(),
  parent: z.number().nullable(),
  pids: z.array(z.number()),
});
export type GuestNamespace = z.infer<typeof namespaceSchema>;

export const cgroupSchema = z.object({
  path: z.string(),
  controllers: z.array(z.string()),
  subtree_control: z.array(z.string()),
  procs: z.array(z.number()),
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
export type GuestCgroup = z.infer<typeof cgroupSchema>;

export const mountSchema = z.object({
  id: z.number(),
  parent: z.number(),
  dev: z.string(),
  root: z.string(),
  mount_point: z.string(),
  options: z.string(),
  fs_type: z.string(),
  source: z.string(),
  super_options: z.string(),
  optional: z.array(z.string()),
});
export type GuestMount = z.infer<typeof mountSchema>;

export const containerSchema = z.object({
  runtime: z.enum(["crun", "runc"]),
  id: z.string(),
  pid: z.number(),
  root: z.string(),
  bundle: z.string().nullable(),
});
export type GuestContainer = z.infer<typeof containerSchema>;

export const snapshotSchema = z.object({
  uptime_ms: z.number(),
  hostname: z.string(),
  cpu_us: z.number(),
  processes: z.array(processSchema),
  namespaces: z.array(namespaceSchema),
  cgroups: z.array(cgroupSchema),
  mount_namespaces: z.array(z.object({ inode: z.number(), pid: z.number(), mounts: z.array(mountSchema) })),
  // Absent from agents older than the container stack (saved machines, fixtures).
  containers: z.array(containerSchema).optional(),
});
export type GuestSnapshot = z.infer<typeof snapshotSchema>;

export interface ExecResult {
  exit_code: number | null;
  signal: number | null;
  stdout: string;
  stderr: string;
  timed_out: boolean;
  truncated: boolean;
  duration_ms: number;
}

export interface FileContent {
  content: string;
  encoding: "utf8" | "base64";
  size: number;
  mtime_ns: string;
  mode: number;
}

export interface FileStat {
  exists: boolean;
  size?: number;
  mtime_ns?: string;
  mode?: number;
  is_dir?: boolean;
}

/** Every request type with its parameters and its result. */
export interface AgentRequests {
  ping: { params: Record<string, never>; result: { uptime_ms: number } };
  snapshot: { params: Record<string, never>; result: GuestSnapshot };
  exec: {
    params: { cmd: string; timeout_ms?: number; stdin?: string; cwd?: string; env?: Record<string, string> };
    result: ExecResult;
  };
  read_file: { params: { path: string; max_bytes?: number }; result: FileContent };
  write_file: {
    params: {
      path: string;
      content: string;
      encoding?: "utf8" | "base64";
      mode?: number;
      expect_mtime_ns?: string;
    };
    result: { size: number; mtime_ns: string };
  };
  stat: { params: { path: string }; result: FileStat };
  resize: { params: { rows: number; cols: number; tty?: string }; result: Record<string, never> };
}
export type AgentRequestType = keyof AgentRequests;

export type AgentErrorCode =
  | "bad_request"
  | "unknown_type"
  | "not_found"
  | "conflict"
  | "io"
  | "timeout"
  | "too_large"
  // Host-side conditions: no reply in time, or the agent restarted while a request was open.
  | "host_timeout"
  | "agent_restarted"
  | "closed";

export class AgentError extends Error {
  constructor(
    readonly code: AgentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AgentError";
  }
}

/** A line the agent sends: a reply to a request, or an unsolicited event. */
export type AgentMessage =
  | { id: number | null; ok: true; result: unknown }
  | { id: number | null; ok: false; error: { code: AgentErrorCode; message: string } }
  | { event: string; [key: string]: unknown };

export function encodeRequest<T extends AgentRequestType>(
  id: number,
  type: T,
  params: AgentRequests[T]["params"],
): string {
  return JSON.stringify({ ...params, id, type }) + "\n";
}
