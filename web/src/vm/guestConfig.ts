// The machine the lab runs: shared by the browser worker and Node (tests, snapshot build, bench),
// because a saved snapshot only restores into an emulator configured exactly like the one that saved it.

export const GUEST_MEMORY_BYTES = 128 * 1024 * 1024;
export const GUEST_VGA_MEMORY_BYTES = 2 * 1024 * 1024;
/**
 * The most a machine state may unpack to when it comes from a file: the guest's memory and the
 * files it wrote to its 9p filesystem (held by v86 too). The snapshot unpacks to 17 MB, a
 * student's busy machine to well under 100 MB; a file that unpacks to more was not saved by the
 * lab, and the limit keeps a gzip bomb from filling the host's memory before it is refused.
 */
export const IMPORTED_STATE_LIMIT_BYTES = 512 * 1024 * 1024;
/**
 * loglevel=3: kernel messages below KERN_ERR stay in dmesg, so OOM kills do not scribble over
 * the student's prompt. init_on_free=1: freed pages are zeroed, which shrinks a saved machine
 * snapshot from 39 MB to 23 MB (the unpacked initramfs archive no longer lingers in free memory).
 */
export const GUEST_CMDLINE = "console=ttyS0 loglevel=3 tsc=reliable init_on_free=1";

/**
 * Run in the background once the student has left a restored machine idle for WARM_UP_IDLE_MS. v86 compiles guest code to
 * wasm as it gets hot, and a restore starts it cold: podman (a 31 MB Go binary) pays for that on
 * its first commands. The warm-up takes podman through most of what `docker run` does before the
 * container starts (start-up, storage, image lookup, creating the container) and removes it:
 * measured in Chromium, the first `docker run --rm alpine echo hi` typed 20 s after the prompt
 * took 5.2-6.4 s after it, 6.8-8.4 s after the `podman info` used before (which also ran `dpkg
 * -S`). The container is never started, so no process of it shows in the panels; its events go
 * nowhere (`podman events` does not list it); `--replace` clears one a save caught half-way.
 * nice keeps it out of the student's way, setsid lets the agent answer at once, and it leaves the
 * agent's cgroup for the root one: the agent's high cpu.weight is for the agent, not for this.
 */
export const WARM_UP_COMMAND =
  "setsid sh -c 'echo $$ > /sys/fs/cgroup/cgroup.procs; exec nice -n 19 sh -c \"" +
  "podman --events-backend none create --replace --name lab-warm-up alpine true && " +
  "podman --events-backend none rm lab-warm-up\"' >/dev/null 2>&1 </dev/null &";
/** Idle time (nothing typed, no command running) after a restore before the warm-up starts. */
export const WARM_UP_IDLE_MS = 10_000;

/**
 * v86's code generator settings (index, value), set on each new emulator: index 1 is MAX_PAGES,
 * how many guest pages one compiled module may span (v86's default: 3). Browsers compile each
 * module quickly first and again, optimised, when it gets hot; smaller modules cost less to
 * compile and are optimised sooner. Measured under Node with V8's optimising tier on, a restored
 * guest's first four `podman run`s took 8.6, 3.1, 2.5, 2.6 s with 1 page against 13.3, 4.6,
 * 3.4, 2.7 s with 3; with the baseline tier only (the Node tests) no difference showed.
 */
export const V86_JIT_CONFIG: readonly (readonly [index: number, value: number])[] = [[1, 1]];

/** Serial ports: the student's console and the guest agent's channel. */
export const CONSOLE_PORT = 0;
export const AGENT_PORT = 1;

/**
 * Changes whenever a saved machine state could no longer be restored into this configuration:
 * a snapshot records it, and the page cold-boots instead of restoring a snapshot that differs.
 */
export const MACHINE_FINGERPRINT = `v86-0.5.462;mem=${GUEST_MEMORY_BYTES};vga=${GUEST_VGA_MEMORY_BYTES};uart1;9p;${GUEST_CMDLINE}`;

/** What the build writes beside the snapshot, to tell whether it fits the image and machine. */
export interface SnapshotInfo {
  image_id: string;
  machine: string;
  bytes: number;
  compressed_bytes: number;
}

/** Files in vm-image/dist (and in the built app's image folder). */
export const IMAGE_FILES = {
  bios: "bios.bin",
  vgaBios: "vgabios-stdvga.bin",
  kernel: "bzImage",
  initrd: "initramfs.cpio.lz4",
  manifest: "manifest.json",
  snapshot: "snapshot.bin.zst",
  snapshotInfo: "snapshot.json",
  /** The lazily loaded filesystem: v86's fs.json, and the folder of its zstd files by content hash. */
  lazyFs: "lazyfs/fs.json",
  lazyFiles: "lazyfs/files/",
} as const;

export interface GuestImages {
  bios: ArrayBuffer;
  vgaBios: ArrayBuffer;
  kernel?: ArrayBuffer;
  initrd?: ArrayBuffer;
  /**
   * The lazily loaded filesystem: where its files are (URL or, under Node, a folder path ending
   * in "/"), and its fs.json for a cold boot. A restored machine carries its own copy of the
   * file list in the saved state, so it needs only the files.
   */
  lazyFs: { files: string; json?: string };
}

/** v86 constructor options for our machine, minus the environment-specific wasm path. */
export function v86Options(images: GuestImages, autostart: boolean) {
  return {
    bios: { buffer: images.bios },
    vga_bios: { buffer: images.vgaBios },
    ...(images.kernel ? { bzimage: { buffer: images.kernel } } : {}),
    ...(images.initrd ? { initrd: { buffer: images.initrd } } : {}),
    filesystem: {
      baseurl: images.lazyFs.files,
      ...(images.lazyFs.json ? { basefs: images.lazyFs.json } : {}),
    },
    cmdline: GUEST_CMDLINE,
    memory_size: GUEST_MEMORY_BYTES,
    vga_memory_size: GUEST_VGA_MEMORY_BYTES,
    autostart,
    uart1: true,
    disable_keyboard: true,
    disable_mouse: true,
    disable_speaker: true,
    acpi: false,
  };
}
