// Debian's zstd CLI, for the snapshot and the lazy filesystem (v86 decodes zstd itself).
import { spawnSync } from "node:child_process";

export function runZstd(args: string[], data: Buffer): Buffer {
  const result = spawnSync("zstd", [...args, "-q", "-c"], { input: data, maxBuffer: 1 << 30 });
  if (result.error) throw new Error(`zstd not runnable (apt-get install zstd): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`zstd ${args.join(" ")} failed: ${result.stderr.toString()}`);
  return result.stdout;
}
