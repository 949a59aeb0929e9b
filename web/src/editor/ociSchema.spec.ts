// The schema is checked with an independent validator (zod reads JSON Schema), against the
// config `runc spec` writes and against the mistakes students make.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CAPABILITIES, NAMESPACE_TYPES, ociRuntimeSchema } from "./ociSchema.ts";
import { ociSchemaStrings } from "./ociSchemaStrings.ts";

const schema = ociRuntimeSchema(ociSchemaStrings.in("en"));
const validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);

/** What `runc spec --rootless` writes, trimmed of the longer lists. */
const runcSpec = {
  ociVersion: "1.0.2-dev",
  process: {
    terminal: true,
    user: { uid: 0, gid: 0 },
    args: ["sh"],
    env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
    cwd: "/",
    capabilities: {
      bounding: ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
      effective: ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
      permitted: ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
      ambient: ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
    },
    rlimits: [{ type: "RLIMIT_NOFILE", hard: 1024, soft: 1024 }],
    noNewPrivileges: true,
  },
  root: { path: "rootfs", readonly: true },
  hostname: "runc",
  mounts: [
    { destination: "/proc", type: "proc", source: "proc" },
    {
      destination: "/dev",
      type: "tmpfs",
      source: "tmpfs",
      options: ["nosuid", "strictatime", "mode=755", "size=65536k"],
    },
  ],
  linux: {
    uidMappings: [{ containerID: 0, hostID: 1000, size: 1 }],
    gidMappings: [{ containerID: 0, hostID: 1000, size: 1 }],
    namespaces: [
      { type: "pid" },
      { type: "ipc" },
      { type: "uts" },
      { type: "mount" },
      { type: "cgroup" },
      { type: "user" },
    ],
    resources: { memory: { limit: 67108864 }, cpu: { quota: 50000, period: 100000 }, pids: { limit: 32 } },
    cgroupsPath: "/mycontainer",
    seccomp: {
      defaultAction: "SCMP_ACT_ALLOW",
      syscalls: [{ names: ["unshare"], action: "SCMP_ACT_ERRNO" }],
    },
    maskedPaths: ["/proc/kcore"],
    readonlyPaths: ["/proc/sys"],
  },
  annotations: { "org.example.lesson": "04-oci" },
};

type Config = typeof runcSpec;
const broken = (change: (config: Config) => void): unknown => {
  const config = structuredClone(runcSpec);
  change(config);
  return config;
};
const problems = (config: unknown) =>
  validator.safeParse(config).error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("the OCI runtime config schema", () => {
  it("accepts what runc spec writes", () => {
    expect(problems(runcSpec)).toEqual([]);
  });

  it("accepts fields it does not describe, as runtimes do", () => {
    expect(problems({ ...runcSpec, vendorExtension: { x: 1 } })).toEqual([]);
  });

  it.each<[string, (config: Config) => void, string]>([
    ["a string for a boolean", (c) => Object.assign(c.process, { terminal: "yes" }), "process.terminal"],
    ["a negative uid", (c) => Object.assign(c.process.user, { uid: -1 }), "process.user.uid"],
    ["a relative cwd", (c) => Object.assign(c.process, { cwd: "root" }), "process.cwd"],
    ["an env entry without =", (c) => c.process.env.push("DEBUG"), "process.env.2"],
    [
      "a misspelt capability",
      (c) => c.process.capabilities.bounding.push("CAP_SYSADMIN"),
      "process.capabilities.bounding.3",
    ],
    ["a namespace called net", (c) => c.linux.namespaces.push({ type: "net" }), "linux.namespaces.6.type"],
    [
      "a mapping without size",
      (c) => c.linux.uidMappings.push({ containerID: 1, hostID: 2 } as never),
      "linux.uidMappings.1.size",
    ],
    [
      "a memory limit in a string",
      (c) => Object.assign(c.linux.resources.memory, { limit: "64M" }),
      "linux.resources.memory.limit",
    ],
    [
      "a mount without destination",
      (c) => c.mounts.push({ type: "tmpfs", source: "tmpfs" } as never),
      "mounts.2.destination",
    ],
    [
      "an unknown seccomp action",
      (c) => Object.assign(c.linux.seccomp, { defaultAction: "ALLOW" }),
      "linux.seccomp.defaultAction",
    ],
  ])("rejects %s", (_name, change, path) => {
    expect(problems(broken(change))).toContain(path);
  });

  it("requires ociVersion", () => {
    const { ociVersion: _ignored, ...rest } = runcSpec;
    expect(problems(rest)).toContain("ociVersion");
  });

  it("knows the 41 capabilities of Linux 5.9+", () => {
    expect(CAPABILITIES).toHaveLength(41);
    expect(CAPABILITIES).toContain("CAP_SYS_ADMIN");
    expect(CAPABILITIES.at(-1)).toBe("CAP_CHECKPOINT_RESTORE");
  });

  it("offers every namespace type the lessons use", () => {
    expect(NAMESPACE_TYPES).toEqual(["pid", "network", "mount", "ipc", "uts", "user", "cgroup", "time"]);
  });

  it("describes the same fields in both languages", () => {
    const shape = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "description" ? undefined : v)));
    const japanese = ociRuntimeSchema(ociSchemaStrings.in("ja"));
    expect(shape(japanese)).toEqual(shape(schema));
    expect(japanese.properties?.hostname?.description).toMatch(/ホスト名/);
  });
});
