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

# Two trees: $R is the initramfs (what the first prompt needs), $L the lazily loaded filesystem
# (mounted at $LAZY_MOUNT in the guest; every file in it appears at its usual path in $R as a symlink).
L=$WORK/lazy
LAZY_MOUNT=/opt/lazy
rm -rf "$L" && mkdir -p "$L"
LIBDIRS=("$DEBROOT/lib/i386-linux-gnu" "$DEBROOT/usr/lib/i386-linux-gnu" "$DEBROOT/lib")
copy_lib() { # tree soname: the real file under its soname (unless the initramfs has it), then what it needs
  local tree=$1 name=$2 dir found=
  [ -e "$R/lib/$name" ] || [ -e "$tree/lib/$name" ] && return 0
  for dir in "${LIBDIRS[@]}"; do [ -e "$dir/$name" ] && { found=$dir/$name; break; }; done
  [ -n "$found" ] || die "shared library $name not found in the unpacked packages: add its package to packages.txt"
  mkdir -p "$tree/lib"
  cp -L "$found" "$tree/lib/$name"
  needs "$tree" "$tree/lib/$name"
}
needs() { # tree file
  local n
  for n in $(readelf -d "$2" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do copy_lib "$1" "$n"; done
}
copy_listed() { # list tree
  local path
  while read -r path; do
    case "$path" in ''|'#'*) continue ;; esac
    [ -e "$DEBROOT$path" ] || die "$path is in $(basename "$1") but in none of the packages"
    mkdir -p "$2$(dirname "$path")"
    cp -L "$DEBROOT$path" "$2$path"
    needs "$2" "$2$path"
  done < "$1"
}
copy_listed "$VM_DIR/binaries.txt" "$R"
# Our own tools (built against the same glibc).
OWN=$WORK/own-tools
bash "$VM_DIR/agent/build.sh" "$OWN"
mkdir -p "$L/sbin" "$L/usr/bin"
install -m 0755 "$OWN/guest-agent" "$L/sbin/guest-agent"
install -m 0755 "$OWN/seccomp-run" "$L/usr/bin/seccomp-run"
needs "$L" "$L/sbin/guest-agent"
needs "$L" "$L/usr/bin/seccomp-run"
copy_listed "$VM_DIR/lazy.txt" "$L"
# The offline container image, on the lazy filesystem: read once, when lab-seed-images loads it.
BUSYBOX_VERSION=$(awk -F'\t' '$1 == "busybox-static" { print $2 }' "$WORK/packages.tsv") \
  npx --prefix "$VM_DIR/.." tsx "$VM_DIR/../scripts/vm-oci-image.ts" "$DEBROOT" "$L/usr/share/lab/images/busybox.oci.tar"
cp "$VM_DIR/images/README" "$L/usr/share/lab/images/README"
mkdir -p "$R/usr/share/seccomp" && cp "$VM_DIR/tools/profiles/"*.json "$R/usr/share/seccomp/"

# Podman reads two of Debian's files on every command, and in the emulator that costs more than
# the settings are worth (measured: ~100 ms per podman process for each). containers.conf is
# parsed three times per command and is 24 KB of comments around 20 lines of settings: the guest
# gets the settings alone. seccomp.json is decoded for every container, and gives exactly the
# filter podman builds in when the file is absent (compared field by field in a container's
# config.json): the guest has no file there. Debian's own copies, comments and all, stay readable.
DOC=/usr/share/doc/containers-common
mkdir -p "$L$DOC" "$R/usr/share/containers"
mv "$L/usr/share/containers/containers.conf" "$L/usr/share/containers/seccomp.json" "$L$DOC/"
{
  echo "# Debian's settings without their comments (podman parses this file on every command);"
  echo "# the commented file: $DOC/containers.conf. Our own settings: /etc/containers/containers.conf."
  grep -v '^\s*\(#\|$\)' "$L$DOC/containers.conf"
} > "$R/usr/share/containers/containers.conf"

copy_lib "$L" ld-linux.so.2
# Debian's loader looks in /lib/i386-linux-gnu: the libraries live there (on the lazy
# filesystem, like every dynamically linked program), and the loader's own path points there.
mkdir -p "$L/lib/i386-linux-gnu" "$R/lib" "$R/usr/lib"
for f in "$L"/lib/*.so*; do mv "$f" "$L/lib/i386-linux-gnu/"; done
ln -s i386-linux-gnu/ld-linux.so.2 "$R/lib/ld-linux.so.2"

# Every lazy file at its usual path, as a symlink onto the 9p mount: the tools are on PATH and the
# libraries where the loader looks, but their bytes are fetched only when first read.
( cd "$L" && find . -type f | sort ) | while read -r f; do
  f=${f#.}
  [ -e "$R$f" ] && die "$f is both in the initramfs and on the lazy filesystem"
  mkdir -p "$R$(dirname "$f")"
  ln -s "$LAZY_MOUNT$f" "$R$f"
done
mkdir -p "$R$LAZY_MOUNT"

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
chown -R 0:0 "$L"
find "$R" "$L" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
( cd "$R" && find . -mindepth 1 -print0 | sort -z | cpio --null -o -H newc --reproducible --quiet ) | lz4 -l -9 -q -c > "$DIST/initramfs.cpio.lz4"
log "rootfs: $(du -sb "$R" | cut -f1) bytes unpacked, initramfs $(stat -c %s "$DIST/initramfs.cpio.lz4") bytes; lazy tree $(du -sb "$L" | cut -f1) bytes"
