// Says which Debian package versions of this build differ from the committed image's manifest
// (called by vm-image/build/all.sh): Debian moves on, and a rebuild from newer packages must
// say so instead of silently giving different bytes.
import { DIST_DIR } from "./lib/paths.ts";
import { diffPackages, readManifest, readPackagesTsv, type DebianPackage } from "./lib/imageManifest.ts";

const work = process.argv[2];
if (!work) {
  console.error("usage: vm-package-diff.ts BUILD_WORK_DIR");
  process.exit(2);
}
const built = readPackagesTsv(work);
let committed: DebianPackage[] = [];
try {
  committed = readManifest(DIST_DIR).debian_packages;
} catch {
  console.log("[vm-image] no committed manifest to compare package versions with");
}
const changes = diffPackages(committed, built);
if (changes.length === 0) console.log("[vm-image] Debian packages: same versions as the committed manifest");
else {
  console.log(`[vm-image] Debian packages that differ from the committed manifest (${changes.length}):`);
  for (const line of changes) console.log(`[vm-image]   ${line}`);
}
