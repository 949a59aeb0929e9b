#!/usr/bin/env bash
# npm test: every check, cheapest first, stopping at the first failure.
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
# One after another, not in parallel: run side by side on two cores, each emulator ran 1.6x
# slower (a 1.2x gain), and the e2e's timing (a halt seen within 8 s, a dev server's reload)
# failed under that load.
step "guest tests (v86 in Node)"; npm run -s test:guest
step "lessons (lint + every step in the guest)"; npm run -s lessons:check
step "seed chapters' commands, as printed, in the guest"; npm run -s seeds:check
step "build";                   npm run -s build
step "e2e (Playwright)";        npx playwright test

# Every step passed (set -e stops at the first failure).
printf '\nsteps: %d passed, 0 failed\n' "$steps"
