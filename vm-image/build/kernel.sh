#!/usr/bin/env bash
# Builds the guest kernel (i386 bzImage) from Debian's linux-source-6.1: tinyconfig + our fragment.
source "$(dirname "$0")/common.sh"
SRC_TAR=/usr/src/linux-source-6.1.tar.xz
[ -f "$SRC_TAR" ] || die "$SRC_TAR not found: apt-get install linux-source-6.1"
FRAGMENT=$VM_DIR/kernel/fragment.config
KDIR=$WORK/linux
stamp=$(sha256sum "$SRC_TAR" | cut -c1-16)
if [ ! -f "$KDIR/.src-$stamp" ]; then
  log "unpacking kernel source"
  rm -rf "$KDIR" && mkdir -p "$KDIR"
  tar -xf "$SRC_TAR" -C "$KDIR" --strip-components=1
  touch "$KDIR/.src-$stamp"
fi
cd "$KDIR"
make -s ARCH=i386 tinyconfig >/dev/null
scripts/kconfig/merge_config.sh -m -O . .config "$FRAGMENT" >/dev/null
make -s ARCH=i386 olddefconfig >/dev/null
# A fragment line that Kconfig dropped (unmet dependency, typo) fails the build here, not in a lesson.
missing=0
while IFS= read -r line; do
  case "$line" in
    CONFIG_*=*) grep -qx "$line" .config || { log "kernel option did not stick: $line"; missing=1; } ;;
    "# CONFIG_"*" is not set") opt=${line#\# }; opt=${opt%% *}; ! grep -q "^$opt=" .config || { log "kernel option should be off: $opt"; missing=1; } ;;
  esac
done < "$FRAGMENT"
[ "$missing" = 0 ] || die "kernel config does not match $FRAGMENT"
log "building bzImage ($(nproc) jobs)"
make -s ARCH=i386 -j"$(nproc)" bzImage
cp arch/x86/boot/bzImage "$DIST/bzImage"
cp .config "$WORK/kernel.config"
log "bzImage: $(stat -c %s "$DIST/bzImage") bytes"
