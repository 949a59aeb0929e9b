#!/usr/bin/env bash
# Builds the guest's own programs as i386 binaries, linked against the guest's glibc:
#   OUTDIR/guest-agent   (sources: vm-image/agent/*.c)
#   OUTDIR/seccomp-run   (sources: vm-image/tools/seccomp-run.c + agent/json.c)
# Two builds of the same sources give the same bytes.
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi
AGENT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VM_DIR=$(dirname "$AGENT_DIR")
TOOLS_DIR=$VM_DIR/tools
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
CC=${CC:-gcc}
UNISTD_32_H=${UNISTD_32_H:-/usr/include/x86_64-linux-gnu/asm/unistd_32.h}
export LC_ALL=C TZ=UTC
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

die() { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }
command -v "$CC" >/dev/null || die "$CC not found (apt-get install gcc-multilib)"
[ -r "$UNISTD_32_H" ] || die "$UNISTD_32_H missing (apt-get install linux-libc-dev)"

# Dynamically linked: the guest ships Debian's i386 glibc anyway (bash, util-linux), and a
# static glibc would add 1.5 MB to the initramfs and to every saved machine snapshot.
# Debian's libc6-dev-i386 (gcc-multilib) is the same glibc release as the guest's libc6:i386.
# Paths are mapped away so the binaries do not depend on where the tree lives.
CFLAGS=(
	-m32 -Os -s -std=gnu11 -D_GNU_SOURCE
	-D_FILE_OFFSET_BITS=64 -D_TIME_BITS=64
	-Wall -Wextra -Werror
	-ffile-prefix-map="$VM_DIR"=vm-image -ffile-prefix-map="$OUT"=out
	-Wl,--build-id=none
)

"$TOOLS_DIR/gen-syscall-table.sh" "$UNISTD_32_H" "$OUT/syscall_table_i386.h"

mapfile -t agent_src < <(printf '%s\n' "$AGENT_DIR"/*.c | sort)
[ "${#agent_src[@]}" -gt 0 ] || die "no agent sources"
"$CC" "${CFLAGS[@]}" -o "$OUT/guest-agent.tmp" "${agent_src[@]}"
mv "$OUT/guest-agent.tmp" "$OUT/guest-agent"

"$CC" "${CFLAGS[@]}" -I"$AGENT_DIR" -I"$OUT" -o "$OUT/seccomp-run.tmp" \
	"$AGENT_DIR/json.c" "$TOOLS_DIR/seccomp-run.c"
mv "$OUT/seccomp-run.tmp" "$OUT/seccomp-run"

printf 'build.sh: built %s/guest-agent (%s bytes), %s/seccomp-run (%s bytes)\n' \
	"$OUT" "$(stat -c %s "$OUT/guest-agent")" "$OUT" "$(stat -c %s "$OUT/seccomp-run")" >&2
