#!/usr/bin/env bash
# npm test: every check. The quick ones first, one after another, stopping at the first failure;
# then the ones that run the emulated guest, in two lanes at once: each emulator keeps one core
# busy, and the machines this runs on have two. A lane stops at its first failure; the run fails
# if either lane did, once both have ended (a failing lane does not cut the other one short).
set -euo pipefail
cd "$(dirname "$0")/.."
steps=0
step() {
  steps=$((steps + 1))
  printf '\n=== %s\n' "$*"
}

step "typecheck";               npm run -s typecheck
step "lint";                    npm run -s lint
step "unit tests";              npm run -s test:unit
step "image matches manifest";  npm run -s vm:verify
step "guest agent (host)";      bash vm-image/agent/test-host.sh
# Made once here: lessons:check, seeds:check and the build all start from it.
step "the student's machine (snapshot)"; npx tsx scripts/build-snapshot.ts

# One lane: its steps in order, each line of their output marked with the lane's name.
lane() {
  local name=$1
  shift
  (
    set -euo pipefail
    local count=0
    while [ $# -gt 0 ]; do
      local title=$1 command=$2
      shift 2
      printf '=== %s\n' "$title"
      local began=$SECONDS
      if ! bash -c "$command"; then
        printf '=== FAILED: %s (after %d s)\n' "$title" $((SECONDS - began))
        exit 1
      fi
      printf '=== passed: %s (%d s)\n' "$title" $((SECONDS - began))
      count=$((count + 1))
    done
    printf '=== lane %s: %d steps passed\n' "$name" "$count"
  ) 2>&1 | sed -u "s/^/[$name] /"
  return "${PIPESTATUS[0]}"
}

printf '\n=== the guest, in two lanes\n'
lane guest \
  "guest tests (v86 in Node)" "npm run -s test:guest" \
  "lessons (every step in the guest, in course order and fresh)" "npm run -s lessons:check" &
guest=$!
lane browser \
  "seed chapters' commands, as printed, in the guest" "npm run -s seeds:check" \
  "build" "npm run -s build" \
  "e2e (Playwright)" "npx playwright test" &
browser=$!
failed=0
wait "$guest" || failed=1
wait "$browser" || failed=1
if [ "$failed" -ne 0 ]; then
  printf '\nsteps: a lane failed (its === FAILED line says which step)\n'
  exit 1
fi
steps=$((steps + 5))

# Every step passed (set -e stops at the first failure).
printf '\nsteps: %d passed, 0 failed\n' "$steps"
