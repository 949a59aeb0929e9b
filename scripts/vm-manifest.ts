// Writes vm-image/dist/manifest.json at the end of `npm run vm:build` (called by vm-image/build/all.sh).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DIST_DIR, REPO_ROOT } from "./lib/paths.ts";
import { imageId, MANIFEST_FILES, readPackagesTsv, sha256, type ImageManifest } from "./lib/imageManifest.ts";

const work = process.argv[2];
// VM_DIST: build into another folder, e.g. to check that a second build gives the same bytes.
const dist = process.env.VM_DIST ?? DIST_DIR;
if (!work) {
  console.error("usage: vm-manifest.ts BUILD_WORK_DIR");
  process.exit(2);
}
const files: ImageManifest["files"] = {};
for (const name of MANIFEST_FILES) {
  const bytes = readFileSync(join(dist, name));
  files[name] = { sha256: sha256(bytes), bytes: bytes.length };
}
const packages = readPackagesTsv(work);
const manifest: ImageManifest = {
  format: 1,
  image_id: imageId(files),
  source_date_epoch: Number(process.env.SOURCE_DATE_EPOCH ?? 0),
  files,
  kernel: {
    config_sha256: sha256(readFileSync(join(work, "kernel.config"))),
    fragment_sha256: sha256(readFileSync(join(REPO_ROOT, "vm-image", "kernel", "fragment.config"))),
  },
  debian_packages: packages,
};
writeFileSync(join(dist, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`[vm-image] manifest: ${Object.keys(files).length} files, ${packages.length} packages`);
