#!/usr/bin/env bash
# Host-side tests for guest-agent and seccomp-run. The i386 static binaries
# run on an x86_64 host with IA32 emulation. Exits non-zero on any failure
# and ends with an "N passed, N failed" line.
# Usage: test-host.sh [WORKDIR]   (default: a temporary directory, removed after)
set -euo pipefail

AGENT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOOLS_DIR=$(dirname "$AGENT_DIR")/tools
if [ $# -ge 1 ]; then
	WORK=$1
	mkdir -p "$WORK"
else
	WORK=$(mktemp -d)
	trap 'rm -rf "$WORK"' EXIT
fi
WORK=$(cd "$WORK" && pwd)

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $*"; }
expect() { # expect NAME COMMAND...: passes if COMMAND succeeds
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# --- build, twice, to prove reproducibility ---
"$AGENT_DIR/build.sh" "$WORK/out1"
"$AGENT_DIR/build.sh" "$WORK/out2"
expect "guest-agent builds reproducibly" cmp -s "$WORK/out1/guest-agent" "$WORK/out2/guest-agent"
expect "seccomp-run builds reproducibly" cmp -s "$WORK/out1/seccomp-run" "$WORK/out2/seccomp-run"
OUT=$WORK/out1

# --- guest-agent protocol (node drives it over pipes) ---
set +e
node "$AGENT_DIR/test-host.mjs" "$OUT/guest-agent" "$WORK/agent" | tee "$WORK/agent.log"
set -e
passed=$((passed + $(grep -c '^ok ' "$WORK/agent.log" || true)))
failed=$((failed + $(grep -c '^not ok ' "$WORK/agent.log" || true)))
grep -q '^agent: [0-9]* passed' "$WORK/agent.log" || not_ok "agent test driver ran to the end"

# --- guest-agent on a real tty (a pty stands in for /dev/ttyS1) ---
if command -v python3 >/dev/null; then
	if python3 - "$OUT/guest-agent" <<'PY'; then ok "tty mode: raw port, fds and OOM score not inherited"; else not_ok "tty mode"; fi
import json, os, pty, select, subprocess, sys, termios, time
agent = sys.argv[1]
m, s = pty.openpty()
name = os.ttyname(s)
p = subprocess.Popen([agent, name], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
def readline(timeout=10):
    buf, end = b"", time.time() + timeout
    while not buf.endswith(b"\n") and time.time() < end:
        if select.select([m], [], [], 0.2)[0]:
            buf += os.read(m, 65536)
    return json.loads(buf)
def req(line):
    os.write(m, line + b"\n")
    return readline()
try:
    assert readline() == {"event": "ready", "version": 1}
    lflag, cflag = termios.tcgetattr(s)[3], termios.tcgetattr(s)[2]
    assert not lflag & (termios.ECHO | termios.ICANON) and cflag & termios.CLOCAL, "port not raw"
    r = req(b'{"id":1,"type":"exec","cmd":"ls -l /proc/self/fd; tty; cat /proc/self/oom_score_adj"}')
    out = r["result"]["stdout"]
    assert r["ok"] and name not in out and "not a tty" in out and out.endswith("\n0\n"), r
    # Lowering the score needs CAP_SYS_RESOURCE, which some sandboxes withhold.
    can_lower = subprocess.run(["sh", "-c", "echo -1000 >/proc/self/oom_score_adj"],
                               stderr=subprocess.DEVNULL).returncode == 0
    with open("/proc/%d/oom_score_adj" % p.pid) as f:
        assert f.read().strip() == "-1000" or not can_lower, "agent not OOM-protected"
    assert req(b'{"id":2,"type":"ping"}')["id"] == 2
finally:
    p.kill()
    p.wait()
PY
else
	echo "ok - tty mode # skip no python3"
fi

# --- seccomp-run ---
# The filter only admits i386 syscalls, so the command under test is an i386 probe.
gcc -m32 -static -Os -Wall -Wextra -Werror -o "$WORK/probe" "$TOOLS_DIR/seccomp-probe.c"
SR=$OUT/seccomp-run
DENY=$TOOLS_DIR/profiles/deny-chmod.json
touch "$WORK/target"

run() { # run ARGS...: sets rc, out (stdout), err (stderr)
	set +e
	out=$("$@" 2>"$WORK/stderr")
	rc=$?
	set -e
	err=$(cat "$WORK/stderr")
}

run "$SR" "$DENY" -- "$WORK/probe" chmod "$WORK/target"
expect "deny-chmod: chmod fails with EPERM" [ "$rc" = 1 ] && [ "$out" = "chmod: Operation not permitted" ]
expect "deny-chmod: stderr clean without -v" [ -z "$err" ]
run "$SR" "$DENY" -- "$WORK/probe" status
expect "deny-chmod: Seccomp: 2 in /proc/self/status" [ "$out" = "$(printf 'Seccomp:\t2')" ]
run "$WORK/probe" chmod "$WORK/target"
expect "probe chmod works without the filter" [ "$out" = ok ]
run "$SR" -v "$DENY" -- "$WORK/probe" getpid
expect "-v warns about syscalls absent on i386" grep -q 'fchmodat2' <<<"$err"
expect "allowed syscalls still work" [ "$out" = "alive 1" ]

cat >"$WORK/errno.json" <<'JSON'
{"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86"],
 "syscalls":[{"names":["fchmodat","chmod","not_a_syscall"],"action":"SCMP_ACT_ERRNO","errnoRet":13},
             {"names":["fchmodat"],"action":"SCMP_ACT_ALLOW"}]}
JSON
run "$SR" "$WORK/errno.json" -- "$WORK/probe" chmod "$WORK/target"
expect "custom errnoRet (EACCES), first rule wins" [ "$out" = "chmod: Permission denied" ]

cat >"$WORK/kill.json" <<'JSON'
{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["getpid"],"action":"SCMP_ACT_KILL_PROCESS"}]}
JSON
run "$SR" "$WORK/kill.json" -- "$WORK/probe" getpid
expect "SCMP_ACT_KILL_PROCESS kills with SIGSYS" [ "$rc" = $((128 + 31)) ]

cat >"$WORK/default-errno.json" <<'JSON'
{"defaultAction":"SCMP_ACT_ERRNO","defaultErrnoRet":38,"syscalls":[
 {"names":["execve","brk","mmap2","munmap","set_thread_area","set_tid_address","set_robust_list","rseq",
  "prlimit64","uname","readlink","statx","fstat64","ioctl","write","exit_group","arch_prctl","getrandom",
  "mprotect","newfstatat","fstatat64","getpid","stat64"],"action":"SCMP_ACT_ALLOW"}]}
JSON
run "$SR" "$WORK/default-errno.json" -- "$WORK/probe" chmod "$WORK/target"
expect "allow-list profile: default ERRNO with defaultErrnoRet" [ "$out" = "chmod: Function not implemented" ]

cat >"$WORK/args.json" <<'JSON'
{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[
 {"names":["chmod","fchmodat"],"action":"SCMP_ACT_ERRNO","args":[{"index":1,"value":511,"op":"SCMP_CMP_EQ"}]}]}
JSON
run "$SR" "$WORK/args.json" -- "$WORK/probe" chmod "$WORK/target"
expect "rule with args is skipped" [ "$out" = ok ]
expect "skipped args rule is reported" grep -q 'argument filters' <<<"$err"

printf '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [ oops ]\n}\n' >"$WORK/bad.json"
run "$SR" "$WORK/bad.json" -- "$WORK/probe" getpid
expect "bad JSON: exit 125 with line:col" [ "$rc" = 125 ] && grep -q 'bad.json:3:' <<<"$err"
run "$SR" "$WORK/missing.json" -- "$WORK/probe" getpid
expect "missing profile: exit 125" [ "$rc" = 125 ] && grep -q 'No such file' <<<"$err"
echo '{"defaultAction":"SCMP_ACT_MAYBE"}' >"$WORK/action.json"
run "$SR" "$WORK/action.json" -- "$WORK/probe" getpid
expect "unknown action: exit 125" [ "$rc" = 125 ] && grep -q 'unknown action' <<<"$err"
run "$SR" "$DENY"
expect "no command: usage, exit 125" [ "$rc" = 125 ] && grep -q usage <<<"$err"
run "$SR" "$DENY" -- "$WORK/does-not-exist"
expect "command not found: exit 127" [ "$rc" = 127 ]
run "$SR" "$DENY" -- /bin/true
expect "non-i386 process is killed by the arch check" [ "$rc" = $((128 + 31)) ]

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
