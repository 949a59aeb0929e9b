// The machine the lab runs: shared by the browser worker and Node (tests, snapshot build, bench),
// because a saved snapshot only restores into an emulator configured exactly like the one that saved it.

export const GUEST_MEMORY_BYTES = 128 * 1024 * 1024;
export const GUEST_VGA_MEMORY_BYTES = 2 * 1024 * 1024;
/** Kernel messages below KERN_ERR stay in dmesg, so OOM kills do not scribble over the student's prompt. */
export const GUEST_CMDLINE = "console=ttyS0 loglevel=3 tsc=reliable";

/** Serial ports: the student's console and the guest agent's channel. */
export const CONSOLE_PORT = 0;
export const AGENT_PORT = 1;

/** Files in vm-image/dist (and in the built app's image folder). */
export const IMAGE_FILES = {
  bios: "bios.bin",
  vgaBios: "vgabios-stdvga.bin",
  kernel: "bzImage",
  initrd: "initramfs.cpio.lz4",
  manifest: "manifest.json",
} as const;

export interface GuestImages {
  bios: ArrayBuffer;
  vgaBios: ArrayBuffer;
  kernel?: ArrayBuffer;
  initrd?: ArrayBuffer;
}

/** v86 constructor options for our machine, minus the environment-specific wasm path. */
export function v86Options(images: GuestImages, autostart: boolean) {
  return {
    bios: { buffer: images.bios },
    vga_bios: { buffer: images.vgaBios },
    ...(images.kernel ? { bzimage: { buffer: images.kernel } } : {}),
    ...(images.initrd ? { initrd: { buffer: images.initrd } } : {}),
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
