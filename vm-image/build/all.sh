#!/usr/bin/env bash
# npm run vm:build: kernel, Debian userland, our static tools, initramfs, BIOS, manifest.
# Everything comes from Debian packages on this machine; nothing is downloaded from elsewhere.
source "$(dirname "$0")/common.sh"
HERE=$(dirname "$0")
bash "$HERE/kernel.sh"
bash "$HERE/debs.sh"
bash "$HERE/rootfs.sh"
( cd "$VM_DIR/.." && npx tsx scripts/vm-lazyfs.ts "$WORK/lazy" )
for f in bios.bin vgabios-stdvga.bin; do
  [ -f "/usr/share/seabios/$f" ] || die "/usr/share/seabios/$f not found: apt-get install seabios"
  cp "/usr/share/seabios/$f" "$DIST/$f"
done
dpkg-query -W -f '${Package}\t${Version}\t${Architecture}\n' seabios linux-source-6.1 >> "$WORK/packages.tsv"
cd "$VM_DIR/.."
npx tsx scripts/vm-package-diff.ts "$WORK"
npx tsx scripts/vm-manifest.ts "$WORK"
log "done: $(ls "$DIST" | tr '\n' ' ')"
