# Shared settings for the image build stages (sourced, not run).
set -euo pipefail
VM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${VM_WORK:-$VM_DIR/.build}
DIST=${VM_DIST:-$VM_DIR/dist}
# Every timestamp in the image is this one, so two builds give the same bytes.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
export KBUILD_BUILD_TIMESTAMP="@$SOURCE_DATE_EPOCH"
export KBUILD_BUILD_USER=containerlab
export KBUILD_BUILD_HOST=containerlab
export KBUILD_BUILD_VERSION=1
export LC_ALL=C TZ=UTC
mkdir -p "$WORK" "$DIST"
log() { printf '[vm-image] %s\n' "$*" >&2; }
die() { printf '[vm-image] error: %s\n' "$*" >&2; exit 1; }
