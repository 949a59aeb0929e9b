// Files in the guest, for the editor: the only editor module that talks to vmHost. It turns
// agent replies and errors into the few cases the UI distinguishes.
import { AgentError, type AgentRequests } from "../vm/protocol.ts";
import { vmHost } from "../vm/vmHost.ts";

/** Larger files are not edited here: a text editor over a slow serial link would be no fun. */
export const EDIT_MAX_BYTES = 1024 * 1024;

/** `expect_mtime_ns` for "the file must not exist yet" (see vm-image/agent/PROTOCOL.md). */
export const ABSENT = "absent";

type FileRequestType = "read_file" | "write_file" | "stat";
export type FileRequest = <T extends FileRequestType>(
  type: T,
  params: AgentRequests[T]["params"],
) => Promise<AgentRequests[T]["result"]>;

export type GuestFileErrorKind =
  "closed" | "binary" | "too_large" | "not_a_file" | "no_parent" | "conflict" | "timeout" | "io";

export class GuestFileError extends Error {
  constructor(
    readonly kind: GuestFileErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "GuestFileError";
  }
}

export type ReadResult = { exists: true; text: string; mtimeNs: string; mode: number } | { exists: false };

export interface WriteOptions {
  /** The mtime the edit is based on, or ABSENT for a new file; omit to write unconditionally. */
  expectMtimeNs?: string;
  mode?: number;
}

export interface GuestFiles {
  read(path: string): Promise<ReadResult>;
  write(path: string, text: string, options?: WriteOptions): Promise<{ mtimeNs: string }>;
  /** The file's mtime, or ABSENT when it does not exist. */
  mtime(path: string): Promise<string>;
}

function translate(error: unknown, operation: "read" | "write" | "stat"): GuestFileError {
  if (error instanceof GuestFileError) return error;
  if (!(error instanceof AgentError)) return new GuestFileError("io", String(error));
  switch (error.code) {
    case "closed":
    case "agent_restarted":
      return new GuestFileError("closed", error.message);
    case "too_large":
      return new GuestFileError("too_large", error.message);
    case "bad_request":
      return new GuestFileError("not_a_file", error.message);
    case "not_found":
      // Reads treat a missing file as a new one; only a write can miss its directory.
      return new GuestFileError(operation === "write" ? "no_parent" : "io", error.message);
    case "conflict":
      return new GuestFileError("conflict", error.message);
    case "timeout":
    case "host_timeout":
      return new GuestFileError("timeout", error.message);
    default:
      return new GuestFileError("io", error.message);
  }
}

export function createGuestFiles(request: FileRequest): GuestFiles {
  return {
    async read(path) {
      try {
        const file = await request("read_file", { path, max_bytes: EDIT_MAX_BYTES });
        if (file.encoding !== "utf8") throw new GuestFileError("binary", `${path} is not UTF-8 text`);
        return { exists: true, text: file.content, mtimeNs: file.mtime_ns, mode: file.mode };
      } catch (error) {
        if (error instanceof AgentError && error.code === "not_found") return { exists: false };
        throw translate(error, "read");
      }
    },
    async write(path, text, options = {}) {
      try {
        const result = await request("write_file", {
          path,
          content: text,
          ...(options.expectMtimeNs !== undefined ? { expect_mtime_ns: options.expectMtimeNs } : {}),
          ...(options.mode !== undefined ? { mode: options.mode } : {}),
        });
        return { mtimeNs: result.mtime_ns };
      } catch (error) {
        throw translate(error, "write");
      }
    },
    async mtime(path) {
      try {
        const stat = await request("stat", { path });
        if (stat.exists && stat.is_dir) throw new GuestFileError("not_a_file", `${path} is a directory`);
        return stat.exists && stat.mtime_ns !== undefined ? stat.mtime_ns : ABSENT;
      } catch (error) {
        throw translate(error, "stat");
      }
    },
  };
}

/** The app's guest files, through the running machine's agent. */
export const guestFiles = createGuestFiles((type, params) => vmHost.request(type, params));
