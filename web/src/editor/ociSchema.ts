// A JSON Schema for the OCI runtime spec's config.json, written for this lab from the spec
// (github.com/opencontainers/runtime-spec, config.md and config-linux.md). It covers the
// fields the lessons use and the common neighbours, so a typo or a wrong type shows as a
// marker and completion offers the real names. Unknown fields stay allowed, as in the spec:
// runtimes ignore what they do not know.
import type { Translate } from "../i18n/defineStrings.ts";
import type { OciSchemaText } from "./ociSchemaStrings.ts";

export interface JsonSchema {
  $schema?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  uniqueItems?: boolean;
}

/** Matched against the model URI, so any config.json in any folder gets the schema. */
export const OCI_FILE_MATCH = ["config.json"];
/** An id, never fetched (schema requests are off). */
export const OCI_SCHEMA_URI = "container-lab://schemas/oci-runtime-config.json";

export const NAMESPACE_TYPES = ["pid", "network", "mount", "ipc", "uts", "user", "cgroup", "time"];

/** Linux capabilities 0 to 40 (CAP_CHOWN … CAP_CHECKPOINT_RESTORE), as capabilities(7) names them. */
export const CAPABILITIES = (
  "CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE " +
  "NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO " +
  "SYS_CHROOT SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG " +
  "MKNOD LEASE AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM " +
  "BLOCK_SUSPEND AUDIT_READ PERFMON BPF CHECKPOINT_RESTORE"
)
  .split(" ")
  .map((name) => `CAP_${name}`);

const SECCOMP_ACTIONS = (
  "SCMP_ACT_KILL SCMP_ACT_KILL_PROCESS SCMP_ACT_KILL_THREAD SCMP_ACT_TRAP SCMP_ACT_ERRNO " +
  "SCMP_ACT_TRACE SCMP_ACT_ALLOW SCMP_ACT_LOG SCMP_ACT_NOTIFY"
).split(" ");
const SECCOMP_ARCHES = (
  "SCMP_ARCH_X86 SCMP_ARCH_X86_64 SCMP_ARCH_X32 SCMP_ARCH_ARM SCMP_ARCH_AARCH64 SCMP_ARCH_RISCV64 " +
  "SCMP_ARCH_PPC64LE SCMP_ARCH_S390X"
).split(" ");
const SECCOMP_OPS =
  "SCMP_CMP_NE SCMP_CMP_LT SCMP_CMP_LE SCMP_CMP_EQ SCMP_CMP_GE SCMP_CMP_GT SCMP_CMP_MASKED_EQ".split(" ");

const UINT32_MAX = 4294967295;
const described = (description?: string): JsonSchema => (description ? { description } : {});
const uint32 = (description?: string): JsonSchema => ({
  type: "integer",
  minimum: 0,
  maximum: UINT32_MAX,
  ...described(description),
});
/** int64 where -1 means "no limit"; JSON numbers beyond 2^53 lose precision anyway. */
const limit = (description?: string): JsonSchema => ({
  type: "integer",
  minimum: -1,
  ...described(description),
});
const uint = (description?: string): JsonSchema => ({
  type: "integer",
  minimum: 0,
  ...described(description),
});
const string = (description?: string): JsonSchema => ({ type: "string", ...described(description) });
const boolean = (description?: string): JsonSchema => ({ type: "boolean", ...described(description) });
const array = (items: JsonSchema, description?: string): JsonSchema => ({
  type: "array",
  items,
  ...described(description),
});
const object = (
  properties: Record<string, JsonSchema>,
  description?: string,
  required?: string[],
): JsonSchema => ({
  type: "object",
  properties,
  ...described(description),
  ...(required ? { required } : {}),
});
const stringMap = (description?: string): JsonSchema => ({
  type: "object",
  additionalProperties: { type: "string" },
  ...described(description),
});
const absolutePath = (description?: string): JsonSchema => ({
  type: "string",
  pattern: "^/",
  ...described(description),
});

export function ociRuntimeSchema(t: Translate<OciSchemaText>): JsonSchema {
  const capabilitySet = (key: OciSchemaText) =>
    array({ type: "string", enum: CAPABILITIES, description: t("capability") }, t(key));
  const mappings = (key: OciSchemaText) =>
    array(
      object(
        {
          containerID: uint32(t("mapping.containerID")),
          hostID: uint32(t("mapping.hostID")),
          size: uint32(t("mapping.size")),
        },
        undefined,
        ["containerID", "hostID", "size"],
      ),
      t(key),
    );
  const hook = object(
    {
      path: absolutePath(),
      args: array(string()),
      env: array(string()),
      timeout: { type: "integer", minimum: 1 },
    },
    undefined,
    ["path"],
  );

  const processSchema = object(
    {
      terminal: boolean(t("process.terminal")),
      consoleSize: object({ height: uint(), width: uint() }, undefined, ["height", "width"]),
      user: object(
        {
          uid: uint32(t("process.user.uid")),
          gid: uint32(t("process.user.gid")),
          umask: uint32(),
          additionalGids: array(uint32(), t("process.user.additionalGids")),
          username: string(),
        },
        t("process.user"),
      ),
      args: { ...array(string(), t("process.args")), minItems: 1 },
      commandLine: string(),
      env: array({ type: "string", pattern: "^[^=]+=" }, t("process.env")),
      cwd: absolutePath(t("process.cwd")),
      capabilities: object(
        {
          bounding: capabilitySet("process.capabilities.bounding"),
          effective: capabilitySet("process.capabilities.effective"),
          inheritable: capabilitySet("process.capabilities.inheritable"),
          permitted: capabilitySet("process.capabilities.permitted"),
          ambient: capabilitySet("process.capabilities.ambient"),
        },
        t("process.capabilities"),
      ),
      noNewPrivileges: boolean(t("process.noNewPrivileges")),
      rlimits: array(
        object(
          { type: { type: "string", pattern: "^RLIMIT_[A-Z]+$" }, hard: uint(), soft: uint() },
          undefined,
          ["type", "hard", "soft"],
        ),
        t("process.rlimits"),
      ),
      apparmorProfile: string(),
      oomScoreAdj: { type: "integer", minimum: -1000, maximum: 1000 },
      selinuxLabel: string(),
    },
    t("process"),
    ["cwd"],
  );

  const resources = object(
    {
      memory: object(
        {
          limit: limit(t("linux.resources.memory.limit")),
          reservation: limit(),
          swap: limit(t("linux.resources.memory.swap")),
          swappiness: { type: "integer", minimum: 0, maximum: 100 },
          disableOOMKiller: boolean(),
        },
        t("linux.resources.memory"),
      ),
      cpu: object(
        {
          shares: uint(t("linux.resources.cpu.shares")),
          quota: limit(t("linux.resources.cpu.quota")),
          period: uint(t("linux.resources.cpu.period")),
          realtimeRuntime: { type: "integer" },
          realtimePeriod: uint(),
          cpus: string(t("linux.resources.cpu.cpus")),
          mems: string(),
        },
        t("linux.resources.cpu"),
      ),
      pids: object({ limit: limit(t("linux.resources.pids.limit")) }, t("linux.resources.pids"), ["limit"]),
      devices: array(
        object(
          {
            allow: boolean(),
            type: { type: "string", enum: ["a", "b", "c"] },
            major: { type: "integer" },
            minor: { type: "integer" },
            access: { type: "string", pattern: "^[rwm]{1,3}$" },
          },
          undefined,
          ["allow"],
        ),
      ),
      unified: stringMap(),
    },
    t("linux.resources"),
  );

  const seccomp = object(
    {
      defaultAction: { type: "string", enum: SECCOMP_ACTIONS, description: t("linux.seccomp.defaultAction") },
      defaultErrnoRet: uint(),
      architectures: array({ type: "string", enum: SECCOMP_ARCHES }, t("linux.seccomp.architectures")),
      flags: array(string()),
      listenerPath: string(),
      syscalls: array(
        object(
          {
            names: { ...array(string(), t("linux.seccomp.syscalls.names")), minItems: 1 },
            action: {
              type: "string",
              enum: SECCOMP_ACTIONS,
              description: t("linux.seccomp.syscalls.action"),
            },
            errnoRet: uint(),
            args: array(
              object(
                { index: uint(), value: uint(), valueTwo: uint(), op: { type: "string", enum: SECCOMP_OPS } },
                undefined,
                ["index", "value", "op"],
              ),
            ),
          },
          undefined,
          ["names", "action"],
        ),
        t("linux.seccomp.syscalls"),
      ),
    },
    t("linux.seccomp"),
    ["defaultAction"],
  );

  const linux = object(
    {
      namespaces: {
        ...array(
          object(
            {
              type: { type: "string", enum: NAMESPACE_TYPES, description: t("linux.namespaces.type") },
              path: absolutePath(t("linux.namespaces.path")),
            },
            undefined,
            ["type"],
          ),
          t("linux.namespaces"),
        ),
        uniqueItems: true,
      },
      uidMappings: mappings("linux.uidMappings"),
      gidMappings: mappings("linux.gidMappings"),
      resources,
      cgroupsPath: string(t("linux.cgroupsPath")),
      seccomp,
      maskedPaths: array(absolutePath(), t("linux.maskedPaths")),
      readonlyPaths: array(absolutePath(), t("linux.readonlyPaths")),
      rootfsPropagation: {
        type: "string",
        enum: ["private", "shared", "slave", "unbindable"],
        description: t("linux.rootfsPropagation"),
      },
      sysctl: stringMap(t("linux.sysctl")),
      mountLabel: string(),
      devices: array(
        object(
          {
            path: absolutePath(),
            type: { type: "string", enum: ["c", "b", "u", "p"] },
            major: { type: "integer" },
            minor: { type: "integer" },
            fileMode: uint(),
            uid: uint32(),
            gid: uint32(),
          },
          undefined,
          ["path", "type"],
        ),
      ),
    },
    t("linux"),
  );

  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    ...object(
      {
        ociVersion: {
          type: "string",
          pattern: "^\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?$",
          description: t("ociVersion"),
        },
        process: processSchema,
        root: object({ path: string(t("root.path")), readonly: boolean(t("root.readonly")) }, t("root_"), [
          "path",
        ]),
        hostname: string(t("hostname")),
        domainname: string(t("domainname")),
        mounts: array(
          object(
            {
              destination: absolutePath(t("mounts.destination")),
              type: string(t("mounts.type")),
              source: string(t("mounts.source")),
              options: array(string(), t("mounts.options")),
              uidMappings: mappings("linux.uidMappings"),
              gidMappings: mappings("linux.gidMappings"),
            },
            undefined,
            ["destination"],
          ),
          t("mounts"),
        ),
        annotations: stringMap(t("annotations")),
        hooks: object(
          Object.fromEntries(
            ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"].map(
              (name) => [name, array(hook)],
            ),
          ),
          t("hooks"),
        ),
        linux,
      },
      t("root"),
      ["ociVersion"],
    ),
  };
}
