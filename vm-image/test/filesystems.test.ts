// Root filesystems and image layers: overlayfs, chroot, pivot_root.
import { describe, expect, it } from "vitest";
import { sh, useGuest } from "./guest.ts";

const MAKE_ROOTFS = [
  "mkdir -p /tmp/rfs/bin /tmp/rfs/proc",
  "cp /bin/busybox /tmp/rfs/bin/",
  "for a in sh ls cat echo; do ln -sf busybox /tmp/rfs/bin/$a; done",
  "echo tiny-rootfs > /tmp/rfs/etc-marker",
].join(" && ");

describe("filesystems", () => {
  const guest = useGuest();

  it("has /dev/stdin, /dev/stdout, /dev/stderr and /dev/fd, so writing to /dev/stdout by name reaches a pipe", async () => {
    const links = await sh(guest(), "for l in fd stdin stdout stderr; do readlink /dev/$l; done");
    expect(links.trim().split("\n")).toEqual(["/proc/self/fd", "fd/0", "fd/1", "fd/2"]);
    expect((await sh(guest(), "sh -c 'echo through > /dev/stdout' | cat")).trim()).toBe("through");
  });

  it("overlayfs copies a changed file up and whites out a deleted one", async () => {
    await sh(
      guest(),
      [
        "mkdir -p /tmp/ov/lower /tmp/ov/upper /tmp/ov/work /tmp/ov/merged",
        "echo base > /tmp/ov/lower/a",
        "echo gone > /tmp/ov/lower/b",
        "mount -t overlay overlay -o lowerdir=/tmp/ov/lower,upperdir=/tmp/ov/upper,workdir=/tmp/ov/work /tmp/ov/merged",
        "echo changed >> /tmp/ov/merged/a",
        "rm /tmp/ov/merged/b",
      ].join(" && "),
    );
    expect(await sh(guest(), "cat /tmp/ov/upper/a")).toBe("base\nchanged\n");
    expect(await sh(guest(), "cat /tmp/ov/lower/a")).toBe("base\n");
    expect((await sh(guest(), "stat -c '%F %t,%T' /tmp/ov/upper/b")).trim()).toBe(
      "character special file 0,0",
    );
    expect(await sh(guest(), "ls /tmp/ov/merged")).toBe("a\n");
    expect(await sh(guest(), "findmnt -n -o FSTYPE /tmp/ov/merged")).toBe("overlay\n");
    await sh(guest(), "umount /tmp/ov/merged");
  });

  it("chroot confines a shell to a small busybox rootfs", async () => {
    await sh(guest(), MAKE_ROOTFS);
    const listing = await sh(guest(), "chroot /tmp/rfs /bin/sh -c 'ls /; cat /etc-marker'");
    expect(listing.split(/\s+/).filter(Boolean)).toEqual(["bin", "etc-marker", "proc", "tiny-rootfs"]);
  });

  it("pivot_root in a new mount namespace swaps the root and keeps the old one reachable", async () => {
    await sh(guest(), MAKE_ROOTFS);
    const out = await sh(
      guest(),
      "unshare --mount --fork sh -c 'mount --bind /tmp/rfs /tmp/rfs && cd /tmp/rfs && mkdir -p oldroot && pivot_root . oldroot && cd / && echo /* && /bin/cat /oldroot/etc/hostname'",
    );
    const [root, hostname] = out.trim().split("\n");
    expect(root?.split(" ")).toEqual(["/bin", "/etc-marker", "/oldroot", "/proc"]);
    expect(hostname).toBe("containerlab");
    // The host's root is untouched.
    expect(await sh(guest(), "ls /etc/hostname")).toBe("/etc/hostname\n");
  });
});
