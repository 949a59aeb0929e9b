// A chapter's `setup:` brings the machine to the chapter's starting state. It runs as root
// through the agent when the student opens the chapter on a machine that has not been set up
// for it yet, and again on "Restart this chapter". Which chapter a machine was set up for is
// written in the guest itself (/run is in the saved machine and empty on a fresh one), so a
// reload or a resumed machine does not undo the student's work by running it again.

import { guestFilesDir } from "./chapterFiles.ts";

/** How long a chapter's set-up may take (podman cleaning up can take a while). */
export const SETUP_TIMEOUT_MS = 60_000;

const MARKER = "/run/container-lab/chapter";

/**
 * Helpers a setup script may call. `lab_reset_console`: ends every process of the console's
 * session except its login shell (nested `unshare … bash` shells, background jobs), and moves
 * that shell back to the console's cgroup (/console, where the guest starts it), so the
 * student is back at the first prompt, in the initial namespaces. A login shell that is itself not as it started (other namespaces, a
 * seccomp filter, another uid, no_new_privs) is ended as well; init respawns a fresh one.
 * `lab_remove_containers`: removes every container and pod, Podman's and those started with
 * crun or runc directly, so a chapter on the container stack starts with none.
 */
const HELPERS = `lab_console_others() {
  local line fields stat
  for stat in /proc/[0-9]*/stat; do
    read -r line < "$stat" 2>/dev/null || continue
    fields=(\${line##*) })
    # After "(comm) ": state ppid pgrp session. Zombies have exited already.
    if [ "\${fields[3]}" = "$1" ] && [ "\${line%% *}" != "$1" ] && [ "\${fields[0]}" != Z ]; then
      echo "\${line%% *}"
    fi
  done
}
lab_reset_console() {
  local line fields sid pids tries=0
  read -r line < "/proc/$CONSOLE_PID/stat" || return 0
  fields=(\${line##*) })
  sid=\${fields[3]}
  [ "$sid" -gt 1 ] || return 0
  pids=$(lab_console_others "$sid")
  [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
  # Until they are gone, their cgroups are not empty and cannot be removed.
  while [ -n "$(lab_console_others "$sid")" ] && [ $tries -lt 50 ]; do
    sleep 0.1
    tries=$((tries + 1))
  done
  # A login shell that itself left the start (\`exec unshare …\`, a seccomp filter, another uid)
  # cannot be brought back: end it too, and init starts a fresh one.
  if ! lab_is_pristine "$sid"; then
    kill -KILL "$sid" 2>/dev/null || true
    tries=0
    while [ -e "/proc/$sid" ] && [ $tries -lt 50 ]; do sleep 0.1; tries=$((tries + 1)); done
    return 0
  fi
  echo "$sid" > /sys/fs/cgroup/console/cgroup.procs
}
lab_is_pristine() {
  local ns
  for ns in /proc/1/ns/*; do
    [ "$(readlink "$ns")" = "$(readlink "/proc/$1/ns/\${ns##*/}")" ] || return 1
  done
  grep -q '^Uid:[[:space:]]*0[[:space:]]*0[[:space:]]*0[[:space:]]*0$' "/proc/$1/status" &&
    grep -q '^Seccomp:[[:space:]]*0$' "/proc/$1/status" &&
    grep -q '^NoNewPrivs:[[:space:]]*0$' "/proc/$1/status"
}
lab_remove_containers() {
  local runtime name
  # podman is slow to start after a restore: only call it when it has containers to remove.
  # Podman's go first: crun and runc list them too, and podman must not find them gone.
  if grep -q '"id"' /var/lib/containers/storage/overlay-containers/containers.json 2>/dev/null; then
    podman pod rm -af -t 0 >/dev/null 2>&1 || true
    podman rm -af -t 0 >/dev/null 2>&1 || true
  fi
  for runtime in crun runc; do
    for name in $($runtime list -q 2>/dev/null); do $runtime delete -f "$name" >/dev/null 2>&1 || true; done
  done
}

`;

/** Exits 0 when this machine has already been set up for the chapter. */
export function isSetUpScript(chapterId: string): string {
  return `[ "$(cat ${MARKER} 2>/dev/null)" = '${chapterId}' ]`;
}

/**
 * The script the agent runs for a chapter: skip when this machine is already set up for the
 * chapter (unless restarting), else the author's set-up, then remember the chapter.
 */
export function setupScript(chapterId: string, setup: string, restart: boolean): string {
  const skip = restart ? "" : `${isSetUpScript(chapterId)} && exit 0\n`;
  return `${skip}${HELPERS}
set -e
export LAB_FILES='${guestFilesDir(chapterId)}'
(
${setup}
)
mkdir -p ${MARKER.slice(0, MARKER.lastIndexOf("/"))}
echo '${chapterId}' > ${MARKER}
`;
}
