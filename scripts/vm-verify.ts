// npm run vm:verify: checks the committed guest image against its manifest.
import { DIST_DIR } from "./lib/paths.ts";
import { verifyDist } from "./lib/imageManifest.ts";

const problems = verifyDist(DIST_DIR);
if (problems.length) {
  for (const p of problems) console.error(`vm-image/dist/${p.file}: ${p.problem}`);
  console.error("The image does not match vm-image/dist/manifest.json: rebuild with `npm run vm:build`.");
  process.exit(1);
}
console.log("vm-image/dist matches manifest.json");
