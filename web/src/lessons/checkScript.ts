// What a check runs as. Checks are executed by the guest agent, outside the student's shell
// (root, initial namespaces, no tty); CONSOLE_PID names the shell the student is typing into.
// The agent is meant to set it; until it does, this prelude finds it the way the agent would:
// the process on ttyS0 that leads the terminal's foreground process group — at a prompt,
// the innermost interactive bash (an `unshare … bash` shell included).

/** How long a check may run before it counts as failed. */
export const CHECK_TIMEOUT_MS = 10_000;

/** `tty_nr` in /proc/<pid>/stat for /dev/ttyS0: major 4, minor 64 → (4 << 8) | 64. */
export const CONSOLE_TTY_NR = (4 << 8) | 64;

const PRELUDE = `if [ -z "\${CONSOLE_PID:-}" ]; then
  for __cl_stat in /proc/[0-9]*/stat; do
    read -r __cl_line < "$__cl_stat" 2>/dev/null || continue
    __cl_fields=(\${__cl_line##*) })
    # After "(comm) ": state ppid pgrp session tty_nr tpgid
    if [ "\${__cl_fields[4]}" = ${CONSOLE_TTY_NR} ] && [ "\${__cl_fields[5]}" = "\${__cl_line%% *}" ]; then
      CONSOLE_PID=\${__cl_line%% *}
      break
    fi
  done
  export CONSOLE_PID
  unset __cl_stat __cl_line __cl_fields
fi`;

/** The script to hand to the agent's `exec` (bash) for a step's check block. */
export function wrapCheck(script: string): string {
  return `${PRELUDE}\n${script}`;
}
