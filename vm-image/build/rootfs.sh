#!/usr/bin/env bash
# Assembles the guest root filesystem and packs it as a reproducible cpio, LZ4-compressed
# (legacy frame, as the kernel wants): it decompresses several times faster than gzip in an emulated CPU.
source "$(dirname "$0")/common.sh"
DEBROOT=$WORK/debroot
R=$WORK/rootfs
[ -d "$DEBROOT" ] || die "run debs.sh first"
rm -rf "$R"
mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,lib,etc,proc,sys,dev,tmp,run,root,home/student,mnt,opt,var/lib,usr/share}
cp -a "$VM_DIR/rootfs/." "$R/"

# Real tools first, then busybox applets for every name still free.
LIBDIRS=("$DEBROOT/lib/i386-linux-gnu" "$DEBROOT/usr/lib/i386-linux-gnu" "$DEBROOT/lib")
copy_lib() { # soname: copy the real file under its soname, then what it needs
  local name=$1 dir found=
  [ -e "$R/lib/$name" ] && return 0
  for dir in "${LIBDIRS[@]}"; do [ -e "$dir/$name" ] && { found=$dir/$name; break; }; done
  [ -n "$found" ] || die "shared library $name not found in the unpacked packages: add its package to packages.txt"
  cp -L "$found" "$R/lib/$name"
  needs "$R/lib/$name"
}
needs() {
  local n
  for n in $(readelf -d "$1" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do copy_lib "$n"; done
}
while read -r path; do
  case "$path" in ''|'#'*) continue ;; esac
  [ -e "$DEBROOT$path" ] || die "$path is in binaries.txt but in none of the packages"
  mkdir -p "$R$(dirname "$path")"
  cp -L "$DEBROOT$path" "$R$path"
  needs "$R$path"
done < "$VM_DIR/binaries.txt"
# Our own tools (built against the same glibc).
OWN=$WORK/own-tools
bash "$VM_DIR/agent/build.sh" "$OWN"
install -m 0755 "$OWN/guest-agent" "$R/sbin/guest-agent"
install -m 0755 "$OWN/seccomp-run" "$R/usr/bin/seccomp-run"
needs "$R/sbin/guest-agent"
needs "$R/usr/bin/seccomp-run"
mkdir -p "$R/usr/share/seccomp" && cp "$VM_DIR/tools/profiles/"*.json "$R/usr/share/seccomp/"

if ls "$R/lib/"*.so* >/dev/null 2>&1; then
  copy_lib ld-linux.so.2
  # Debian's loader looks in /lib/i386-linux-gnu; keep one real copy and point there.
  mkdir -p "$R/lib/i386-linux-gnu" "$R/usr/lib"
  for f in "$R"/lib/*.so*; do mv "$f" "$R/lib/i386-linux-gnu/"; done
  ln -s i386-linux-gnu/ld-linux.so.2 "$R/lib/ld-linux.so.2"
fi

cp "$DEBROOT/bin/busybox" "$R/bin/busybox"
for applet in $("$DEBROOT/bin/busybox" --list-full | sort); do
  name=${applet##*/}
  # Skip names a real tool already provides anywhere on PATH: a busybox link earlier in PATH would shadow it.
  taken=
  for d in bin sbin usr/bin usr/sbin; do [ -e "$R/$d/$name" ] || [ -L "$R/$d/$name" ] && taken=1; done
  [ -n "$taken" ] && continue
  mkdir -p "$R/$(dirname "$applet")"
  ln -s /bin/busybox "$R/$applet"
done
# Every script and the student's shell get bash, so real tools are never shadowed by ash's built-in applets.
ln -sf bash "$R/bin/sh"

# Terminal descriptions for readline.
for t in x/xterm x/xterm-256color v/vt100 v/vt220 l/linux d/dumb; do
  src=
  for d in lib/terminfo usr/share/terminfo; do [ -e "$DEBROOT/$d/$t" ] && { src=$DEBROOT/$d/$t; break; }; done
  [ -n "$src" ] || die "terminfo $t not found in ncurses-base"
  mkdir -p "$R/usr/share/terminfo/${t%/*}" && cp -L "$src" "$R/usr/share/terminfo/$t"
done

chmod 0755 "$R/init" "$R"/sbin/* 2>/dev/null || true
chmod 1777 "$R/tmp"
chmod 0700 "$R/root"
chmod 0600 "$R/etc/shadow"
chown -R 0:0 "$R"
chown -R 1000:1000 "$R/home/student"
find "$R" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
( cd "$R" && find . -mindepth 1 -print0 | sort -z | cpio --null -o -H newc --reproducible --quiet ) | lz4 -l -9 -q -c > "$DIST/initramfs.cpio.lz4"
log "rootfs: $(du -sb "$R" | cut -f1) bytes unpacked, initramfs $(stat -c %s "$DIST/initramfs.cpio.lz4") bytes"
