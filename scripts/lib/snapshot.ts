// The shipped machine snapshot: a cold-booted guest saved at its first prompt, so the page
// can restore it instead of booting. Cached by image and machine configuration.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runZstd } from "./zstd.ts";
import { IMAGE_FILES, MACHINE_FINGERPRINT, type SnapshotInfo } from "../../web/src/vm/guestConfig.ts";
import { execInGuest } from "../../web/src/vm/agentExec.ts";
import { readManifest } from "./imageManifest.ts";
import { NodeGuest } from "./nodeGuest.ts";
import { DIST_DIR, REPO_ROOT } from "./paths.ts";

export const SNAPSHOT_DIR = join(REPO_ROOT, "web", ".cache", "snapshot");

export function currentSnapshotInfo(dir = SNAPSHOT_DIR): SnapshotInfo | undefined {
  const path = join(dir, IMAGE_FILES.snapshotInfo);
  if (!existsSync(path) || !existsSync(join(dir, IMAGE_FILES.snapshot))) return undefined;
  return JSON.parse(readFileSync(path, "utf8")) as SnapshotInfo;
}

export function snapshotIsCurrent(dir = SNAPSHOT_DIR): boolean {
  const info = currentSnapshotInfo(dir);
  return info?.image_id === readManifest(DIST_DIR).image_id && info.machine === MACHINE_FINGERPRINT;
}

/**
 * Run in the guest before it is saved: the offline images go into podman's store (so
 * `podman run alpine` needs no load step), then the page cache is dropped, so the lazy files read
 * on the way (podman's 31 MB) are not carried in the snapshot: they are fetched when first used.
 */
export const PREPARE_SNAPSHOT = "lab-seed-images && sync && echo 3 > /proc/sys/vm/drop_caches";

/** Boots the image, prepares it, lets it settle at the prompt, and saves its state. */
export async function takeSnapshot(): Promise<ArrayBuffer> {
  const guest = await NodeGuest.boot();
  try {
    const prepared = await execInGuest(guest.agent, PREPARE_SNAPSHOT, 240_000);
    if (prepared.exit_code !== 0)
      throw new Error(`preparing the snapshot failed: ${prepared.stdout}${prepared.stderr}`);
    // Give the boot's last writes (prompt, agent start) a moment, so the saved guest is idle.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return await guest.save();
  } finally {
    guest.destroy();
  }
}

/**
 * zstd, because v86 restores zstd-compressed states itself (its wasm has a decoder) and it
 * packs a machine a third smaller than gzip. Debian's zstd CLI does the compressing.
 */
export function zstd(data: Buffer): Buffer {
  return runZstd(["-19", "--long=27"], data);
}

/**
 * The student's machine as a state to restore: the cached snapshot when it is current, else a new
 * one (written to the cache, so the build after it reuses it). Anything that proves lessons must
 * start here, not from a bare boot: only this machine has podman's images loaded.
 */
export async function studentMachine(dir = SNAPSHOT_DIR): Promise<ArrayBuffer> {
  if (!snapshotIsCurrent(dir)) {
    // A new state is used as it is; only the cache gets the compressed copy.
    const state = await takeSnapshot();
    storeSnapshot(state, dir);
    return state;
  }
  const state = runZstd(["-d", "--long=27"], readFileSync(join(dir, IMAGE_FILES.snapshot)));
  return state.buffer.slice(state.byteOffset, state.byteOffset + state.byteLength) as ArrayBuffer;
}

export async function writeSnapshot(dir = SNAPSHOT_DIR): Promise<SnapshotInfo> {
  return storeSnapshot(await takeSnapshot(), dir);
}

function storeSnapshot(state: ArrayBuffer, dir: string): SnapshotInfo {
  const compressed = zstd(Buffer.from(state));
  const info: SnapshotInfo = {
    image_id: readManifest(DIST_DIR).image_id,
    machine: MACHINE_FINGERPRINT,
    bytes: state.byteLength,
    compressed_bytes: compressed.byteLength,
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, IMAGE_FILES.snapshot), compressed);
  writeFileSync(join(dir, IMAGE_FILES.snapshotInfo), JSON.stringify(info, null, 2) + "\n");
  return info;
}
