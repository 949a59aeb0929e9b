// Writes the lazily loaded filesystem (vm-image/dist/lazyfs/) from the build's lazy tree
// (called by vm-image/build/all.sh after rootfs.sh).
import { join } from "node:path";
import { DIST_DIR } from "./lib/paths.ts";
import { LAZY_DIR, writeLazyFs } from "./lib/lazyFs.ts";

const tree = process.argv[2];
if (!tree) {
  console.error("usage: vm-lazyfs.ts LAZY_TREE");
  process.exit(2);
}
// Every time in fs.json is the build's: a default here would give other bytes than all.sh does.
const epoch = process.env.SOURCE_DATE_EPOCH;
if (!epoch) {
  console.error("vm-lazyfs.ts: SOURCE_DATE_EPOCH is not set (run it through vm-image/build/all.sh)");
  process.exit(2);
}
const dist = process.env.VM_DIST ?? DIST_DIR;
const { files, bytes, stored } = writeLazyFs(tree, join(dist, LAZY_DIR), Number(epoch));
console.log(`[vm-image] lazy filesystem: ${files} files, ${bytes} bytes, ${stored} bytes zstd`);
