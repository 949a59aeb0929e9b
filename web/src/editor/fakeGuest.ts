// An in-memory guest file system that answers like the agent, for the editor's unit tests.
import { AgentError, type AgentRequests } from "../vm/protocol.ts";
import type { FileRequest } from "./guestFiles.ts";

interface FakeFile {
  content: string;
  encoding: "utf8" | "base64";
  mtime: bigint;
  mode: number;
}

export class FakeGuest {
  readonly files = new Map<string, FakeFile>();
  readonly dirs = new Set<string>(["/", "/root", "/etc"]);
  readonly writes: AgentRequests["write_file"]["params"][] = [];
  running = true;
  private clock = 1_700_000_000_000_000_000n;

  /** A change made inside the guest (a command, not the editor). */
  put(path: string, content: string, encoding: "utf8" | "base64" = "utf8", mode = 0o644): void {
    this.clock += 1_000_000n;
    this.files.set(path, { content, encoding, mtime: this.clock, mode });
  }

  text(path: string): string | undefined {
    return this.files.get(path)?.content;
  }

  readonly request: FileRequest = async (type, params) => {
    if (!this.running) throw new AgentError("closed", "the machine is not running");
    // Each branch returns the result type of its own request; TypeScript cannot narrow a
    // generic by a switch, hence the casts at the boundary.
    type Result = Awaited<ReturnType<FileRequest>>;
    switch (type) {
      case "read_file": {
        const { path } = params as AgentRequests["read_file"]["params"];
        if (this.dirs.has(path)) throw new AgentError("bad_request", `${path} is a directory`);
        const file = this.files.get(path);
        if (!file) throw new AgentError("not_found", `${path}: No such file or directory`);
        const result: AgentRequests["read_file"]["result"] = {
          content: file.content,
          encoding: file.encoding,
          size: file.content.length,
          mtime_ns: String(file.mtime),
          mode: file.mode,
        };
        return result as Result;
      }
      case "stat": {
        const { path } = params as AgentRequests["stat"]["params"];
        const file = this.files.get(path);
        const result: AgentRequests["stat"]["result"] = this.dirs.has(path)
          ? { exists: true, is_dir: true, mtime_ns: "1", size: 0, mode: 0o755 }
          : file
            ? {
                exists: true,
                is_dir: false,
                mtime_ns: String(file.mtime),
                size: file.content.length,
                mode: file.mode,
              }
            : { exists: false };
        return result as Result;
      }
      default: {
        const write = params as AgentRequests["write_file"]["params"];
        this.writes.push(write);
        const existing = this.files.get(write.path);
        const expect = write.expect_mtime_ns;
        if (expect === "absent" ? existing : expect !== undefined && String(existing?.mtime) !== expect) {
          throw new AgentError("conflict", "file changed");
        }
        const parent = write.path.slice(0, write.path.lastIndexOf("/")) || "/";
        if (!this.dirs.has(parent)) throw new AgentError("not_found", `${parent}: No such file or directory`);
        this.put(write.path, write.content, "utf8", write.mode ?? existing?.mode ?? 0o644);
        const saved = this.files.get(write.path);
        const result: AgentRequests["write_file"]["result"] = {
          size: write.content.length,
          mtime_ns: String(saved?.mtime),
        };
        return result as Result;
      }
    }
  };
}
