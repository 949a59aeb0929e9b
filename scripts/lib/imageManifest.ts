// vm-image/dist/manifest.json: what the committed guest image is made of, so anyone can check
// the files (vm:verify), rebuild them identically, and tell whether a saved snapshot fits them.
import { sha256 } from "./sha256.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { IMAGE_FILES } from "../../web/src/vm/guestConfig.ts";
import { verifyLazyFs } from "./lazyFs.ts";

export { sha256 };

export const manifestSchema = z.object({
  format: z.literal(1),
  image_id: z.string(),
  source_date_epoch: z.number(),
  files: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.number() })),
  kernel: z.object({ config_sha256: z.string(), fragment_sha256: z.string() }),
  debian_packages: z.array(z.object({ name: z.string(), version: z.string(), arch: z.string() })),
});
export type ImageManifest = z.infer<typeof manifestSchema>;

/** The files image_id is made of: the lazy filesystem's fs.json names every lazy file by its hash. */
export const MANIFEST_FILES = [
  IMAGE_FILES.bios,
  IMAGE_FILES.vgaBios,
  IMAGE_FILES.kernel,
  IMAGE_FILES.initrd,
  IMAGE_FILES.lazyFs,
];

export type DebianPackage = ImageManifest["debian_packages"][number];

/** The build's package list (WORK/packages.tsv: name, version, arch per line), sorted. */
export function readPackagesTsv(work: string): DebianPackage[] {
  return readFileSync(join(work, "packages.tsv"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [name = "", version = "", arch = ""] = line.split("\t");
      return { name, version, arch };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.arch.localeCompare(b.arch));
}

/** Lines such as "podman:i386 4.3.1-1 -> 4.3.1-2", "+ strace:i386 6.1", "- stress:i386 1.0.7". */
export function diffPackages(before: DebianPackage[], after: DebianPackage[]): string[] {
  const key = (p: DebianPackage) => `${p.name}:${p.arch}`;
  const old = new Map(before.map((p) => [key(p), p.version]));
  const now = new Map(after.map((p) => [key(p), p.version]));
  const lines: string[] = [];
  for (const [k, version] of [...now].sort(([a], [b]) => a.localeCompare(b))) {
    const was = old.get(k);
    if (was === undefined) lines.push(`+ ${k} ${version}`);
    else if (was !== version) lines.push(`${k} ${was} -> ${version}`);
  }
  for (const [k, version] of [...old].sort(([a], [b]) => a.localeCompare(b)))
    if (!now.has(k)) lines.push(`- ${k} ${version}`);
  return lines;
}

export function readManifest(dist: string): ImageManifest {
  const path = join(dist, IMAGE_FILES.manifest);
  return manifestSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

/** One id for the image: a snapshot saved from one image must not be restored on another. */
export function imageId(files: ImageManifest["files"]): string {
  const list = Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, f]) => `${name}:${f.sha256}`)
    .join("\n");
  return sha256(list).slice(0, 16);
}

export interface VerifyProblem {
  file: string;
  problem: string;
}

export function verifyDist(dist: string): VerifyProblem[] {
  const manifest = readManifest(dist);
  const problems: VerifyProblem[] = [];
  for (const name of MANIFEST_FILES) {
    const entry = manifest.files[name];
    if (!entry) {
      problems.push({ file: name, problem: "not listed in manifest.json" });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dist, name));
    } catch {
      problems.push({ file: name, problem: "missing" });
      continue;
    }
    if (bytes.length !== entry.bytes)
      problems.push({ file: name, problem: `size ${bytes.length}, manifest says ${entry.bytes}` });
    const hash = sha256(bytes);
    if (hash !== entry.sha256)
      problems.push({ file: name, problem: `sha256 ${hash}, manifest says ${entry.sha256}` });
  }
  problems.push(...verifyLazyFs(dist));
  if (problems.length === 0 && manifest.image_id !== imageId(manifest.files)) {
    problems.push({ file: IMAGE_FILES.manifest, problem: "image_id does not match the files listed" });
  }
  return problems;
}
