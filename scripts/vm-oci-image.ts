// Builds the lab's offline container image as an OCI archive (called by vm-image/build/rootfs.sh):
// one layer made of Debian's busybox-static and a few /etc files, so `podman run alpine` has
// something real to run with no network. Reproducible: fixed mtimes, sorted tar, no gzip timestamps.
//   tsx scripts/vm-oci-image.ts DEBROOT OUT.tar
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { sha256 } from "./lib/sha256.ts";

const [debroot, out] = process.argv.slice(2);
if (!debroot || !out) {
  console.error("usage: vm-oci-image.ts DEBROOT OUT.tar");
  process.exit(2);
}
// The build's one timestamp (vm-image/build/common.sh): a default here could give other bytes.
if (!process.env.SOURCE_DATE_EPOCH) {
  console.error("vm-oci-image.ts: SOURCE_DATE_EPOCH is not set (run it through vm-image/build/all.sh)");
  process.exit(2);
}
const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const created = new Date(epoch * 1000).toISOString();
// The Debian version of busybox-static, from the build's package list (written by debs.sh).
const busyboxVersion = process.env.BUSYBOX_VERSION ?? "unknown";

const work = mkdtempSync(join(tmpdir(), "lab-oci-"));
const rootfs = join(work, "rootfs");
const layout = join(work, "layout");

function write(path: string, text: string, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, mode);
}

/** GNU tar with every source of variation pinned, so two builds give the same bytes. */
function tar(dir: string, file: string): void {
  execFileSync("tar", [
    "--sort=name",
    `--mtime=@${epoch}`,
    "--owner=0",
    "--group=0",
    "--numeric-owner",
    "--format=posix",
    "--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime",
    "-C",
    dir,
    "-cf",
    file,
    ".",
  ]);
}

function blob(bytes: Buffer | string, mediaType: string) {
  const data = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
  const hex = sha256(data);
  writeFileSync(join(layout, "blobs", "sha256", hex), data);
  return { mediaType, digest: `sha256:${hex}`, size: data.length };
}

try {
  // The layer: busybox and a link for each applet, and an /etc that says what this image really is.
  for (const dir of [
    "bin",
    "sbin",
    "usr/bin",
    "usr/sbin",
    "etc",
    "root",
    "tmp",
    "proc",
    "sys",
    "dev",
    "var",
    "home",
    "run",
  ])
    mkdirSync(join(rootfs, dir), { recursive: true });
  chmodSync(join(rootfs, "tmp"), 0o1777);
  chmodSync(join(rootfs, "root"), 0o700);
  copyFileSync(join(debroot, "bin", "busybox"), join(rootfs, "bin", "busybox"));
  chmodSync(join(rootfs, "bin", "busybox"), 0o755);
  const applets = execFileSync(join(debroot, "bin", "busybox"), ["--list-full"], { encoding: "utf8" })
    .split("\n")
    .filter((a) => a && a !== "bin/busybox")
    .sort();
  for (const applet of applets) {
    mkdirSync(join(rootfs, dirname(applet)), { recursive: true });
    symlinkSync("/bin/busybox", join(rootfs, applet));
  }
  write(
    join(rootfs, "etc", "os-release"),
    [
      `PRETTY_NAME="Container Lab busybox image (Debian busybox-static ${busyboxVersion}), standing in for alpine and busybox"`,
      `NAME="Container Lab busybox"`,
      `ID=lab-busybox`,
      `ID_LIKE=busybox`,
      `VERSION_ID="${busyboxVersion}"`,
      "",
    ].join("\n"),
  );
  write(
    join(rootfs, "etc", "passwd"),
    "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n",
  );
  write(join(rootfs, "etc", "group"), "root:x:0:\nnogroup:x:65534:\n");
  const layerTar = join(work, "layer.tar");
  tar(rootfs, layerTar);
  const layerBytes = readFileSync(layerTar);

  mkdirSync(join(layout, "blobs", "sha256"), { recursive: true });
  const layer = blob(layerBytes, "application/vnd.oci.image.layer.v1.tar");
  const config = blob(
    JSON.stringify({
      created,
      architecture: "386",
      os: "linux",
      config: { Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], Cmd: ["sh"] },
      rootfs: { type: "layers", diff_ids: [layer.digest] },
      history: [
        { created, created_by: `Container Lab image build: Debian busybox-static ${busyboxVersion}` },
      ],
    }),
    "application/vnd.oci.image.config.v1+json",
  );
  const manifest = blob(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      config,
      layers: [layer],
    }),
    "application/vnd.oci.image.manifest.v1+json",
  );
  write(join(layout, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
  write(
    join(layout, "index.json"),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        { ...manifest, annotations: { "org.opencontainers.image.ref.name": "localhost/lab-busybox:latest" } },
      ],
    }),
  );
  mkdirSync(dirname(out), { recursive: true });
  tar(layout, out);
  console.log(`[vm-image] OCI image: layer ${layer.size} bytes (${applets.length} applets), ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
