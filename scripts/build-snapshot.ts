// First half of `npm run build`: the machine snapshot the page restores for an instant start.
import { snapshotIsCurrent, writeSnapshot, SNAPSHOT_DIR } from "./lib/snapshot.ts";

if (snapshotIsCurrent() && !process.argv.includes("--force")) {
  console.log(`[snapshot] up to date in ${SNAPSHOT_DIR}`);
} else {
  const started = Date.now();
  const info = await writeSnapshot();
  console.log(
    `[snapshot] saved in ${Date.now() - started} ms: ${info.bytes} bytes, ${info.compressed_bytes} zstd (${SNAPSHOT_DIR})`,
  );
}
