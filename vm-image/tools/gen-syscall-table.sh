#!/bin/sh
# Generates seccomp-run's i386 syscall name -> number table from the kernel's
# UAPI header, so it always matches the headers of the toolchain that builds
# the image. Usage: gen-syscall-table.sh unistd_32.h OUT.h
set -eu
[ $# -eq 2 ] || { echo "usage: $0 unistd_32.h OUT.h" >&2; exit 2; }
in=$1 out=$2
tmp=$out.tmp.$$
trap 'rm -f "$tmp"' EXIT

{
	echo "/* Generated from unistd_32.h by vm-image/tools/gen-syscall-table.sh. Do not edit. */"
	echo "/* Sorted by name (C locale) for bsearch. */"
	LC_ALL=C awk '$1 == "#define" && $2 ~ /^__NR_[a-z0-9_]+$/ && $3 ~ /^[0-9]+$/ {
		sub(/^__NR_/, "", $2); print $2, $3 }' "$in" |
		LC_ALL=C sort -k1,1 |
		awk '{ printf "\t{ \"%s\", %s },\n", $1, $2 }'
} >"$tmp"

count=$(grep -c '^	{ "' "$tmp" || true)
# i386 has had more than 380 syscalls since Linux 4.x; far fewer means the wrong file.
if [ "$count" -lt 300 ]; then
	echo "gen-syscall-table.sh: only $count syscalls found in $in" >&2
	exit 1
fi
mv "$tmp" "$out"
trap - EXIT
