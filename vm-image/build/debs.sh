#!/usr/bin/env bash
# Downloads the Debian packages in packages.txt (i386 unless :all) and unpacks them into one tree.
source "$(dirname "$0")/common.sh"
DEBS=$WORK/debs
ROOT=$WORK/debroot
dpkg --print-foreign-architectures | grep -qx i386 || die "i386 is not a dpkg architecture here: dpkg --add-architecture i386 && apt-get update"
mkdir -p "$DEBS"
mapfile -t pkgs < <(grep -v '^\s*\(#\|$\)' "$VM_DIR/packages.txt" | sed 's/\s.*//')
want=()
for p in "${pkgs[@]}"; do case "$p" in *:*) want+=("$p") ;; *) want+=("$p:i386") ;; esac; done
rm -rf "$DEBS"/*.deb
( cd "$DEBS" && apt-get download -q "${want[@]}" >/dev/null 2>"$WORK/apt-download.log" ) \
  || die "apt-get download failed (see $WORK/apt-download.log); is 'apt-get update' done with i386 enabled?"
rm -rf "$ROOT" && mkdir -p "$ROOT"
: > "$WORK/packages.tsv"
for deb in $(ls "$DEBS"/*.deb | sort); do
  dpkg-deb -x "$deb" "$ROOT"
  printf '%s\t%s\t%s\n' "$(dpkg-deb -f "$deb" Package)" "$(dpkg-deb -f "$deb" Version)" "$(dpkg-deb -f "$deb" Architecture)" >> "$WORK/packages.tsv"
done
log "unpacked ${#want[@]} packages"
