// Drives `guest-agent -` over pipes and checks every reply (run by test-host.sh).
// Usage: node test-host.mjs GUEST_AGENT WORKDIR
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Buffer } from "node:buffer";
import { setTimeout, clearTimeout } from "node:timers";
import { TextDecoder } from "node:util";

const [agentPath, work] = process.argv.slice(2);
if (!agentPath || !work) {
  console.error("usage: node test-host.mjs GUEST_AGENT WORKDIR");
  process.exit(2);
}

let passed = 0;
let failed = 0;
function check(name, cond, detail) {
  if (cond) {
    passed++;
    console.log(`ok - ${name}`);
  } else {
    failed++;
    console.log(`not ok - ${name}${detail === undefined ? "" : ": " + JSON.stringify(detail).slice(0, 400)}`);
  }
}
const skip = (name, why) => console.log(`ok - ${name} # skip ${why}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One agent process; replies are matched to requests by order, and every
// line is checked to be strict UTF-8 and valid JSON before anything else.
class Agent {
  constructor(env = {}) {
    this.proc = spawn(agentPath, ["-"], {
      stdio: ["pipe", "pipe", "inherit"],
      env: { ...process.env, ...env },
    });
    this.pending = Buffer.alloc(0);
    this.lines = [];
    this.waiters = [];
    this.badOutput = [];
    this.proc.stdout.on("data", (chunk) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      let nl;
      while ((nl = this.pending.indexOf(0x0a)) >= 0) {
        const raw = this.pending.subarray(0, nl);
        this.pending = this.pending.subarray(nl + 1);
        let msg;
        try {
          msg = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
        } catch (e) {
          this.badOutput.push(String(e));
          msg = { invalid: true };
        }
        const w = this.waiters.shift();
        if (w) w(msg);
        else this.lines.push(msg);
      }
    });
    this.exited = new Promise((r) => this.proc.on("exit", (code, sig) => r({ code, sig })));
  }
  next(timeoutMs = 30000) {
    if (this.lines.length) return Promise.resolve(this.lines.shift());
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve({ timeout: true });
      }, timeoutMs);
      const done = (m) => {
        clearTimeout(t);
        resolve(m);
      };
      this.waiters.push(done);
    });
  }
  sendRaw(data) {
    this.proc.stdin.write(data);
  }
  async req(obj, timeoutMs) {
    this.sendRaw(JSON.stringify(obj) + "\n");
    return this.next(timeoutMs);
  }
}

let nextId = 1;
async function call(agent, type, params = {}, timeoutMs) {
  const id = nextId++;
  const r = await agent.req({ id, type, ...params }, timeoutMs);
  if (r.id !== id) check(`reply id for ${type}`, false, r);
  return r;
}
const errCode = (r) => (r && r.ok === false ? r.error.code : null);

async function testFraming(a) {
  const ready = await a.next();
  check("ready event first", ready.event === "ready" && ready.version === 1, ready);

  const ping = await call(a, "ping");
  check(
    "ping uptime_ms",
    ping.ok === true && Number.isInteger(ping.result.uptime_ms) && ping.result.uptime_ms > 0,
    ping,
  );

  const bad = [
    ["malformed JSON", "{bad"],
    ["array instead of object", "[1,2]"],
    ["missing id", '{"type":"ping"}'],
    ["string id", '{"id":"x","type":"ping"}'],
    ["trailing garbage", '{"id":1,"type":"ping"} x'],
    ["deep nesting", "[".repeat(100000)],
  ];
  for (const [name, line] of bad) {
    a.sendRaw(line + "\n");
    const r = await a.next();
    check(`${name} -> bad_request with id null`, r.id === null && errCode(r) === "bad_request", r);
  }
  a.sendRaw(Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]));
  let r = await a.next();
  check("invalid UTF-8 request -> bad_request", r.id === null && errCode(r) === "bad_request", r);

  r = await a.req({ id: 41 });
  check("missing type -> bad_request keeps id", r.id === 41 && errCode(r) === "bad_request", r);
  r = await a.req({ id: 42, type: "frobnicate" });
  check("unknown type -> unknown_type", r.id === 42 && errCode(r) === "unknown_type", r);
  r = await a.req({ id: 43, type: "exec", cmd: 42 });
  check("wrong param type -> bad_request", r.id === 43 && errCode(r) === "bad_request", r);
  r = await a.req({ id: 1.5, type: "ping" });
  check("fractional id echoed", r.id === 1.5 && r.ok === true, r);

  a.sendRaw("\n  \r\n");
  r = await call(a, "ping");
  check("blank lines get no reply", r.ok === true, r);

  const huge = '{"id":44,"type":"ping","pad":"' + "x".repeat(8 * 1024 * 1024) + '"}\n';
  a.sendRaw(huge);
  r = await a.next();
  check("line over 8 MiB -> too_large, id null", r.id === null && errCode(r) === "too_large", r);
  r = await call(a, "ping");
  check("agent alive after too_large", r.ok === true, r);
}

async function testExec(a) {
  let r = await call(a, "exec", { cmd: "echo out; echo err >&2; exit 3" });
  check(
    "exec exit code and streams",
    r.ok &&
      r.result.exit_code === 3 &&
      r.result.signal === null &&
      r.result.stdout === "out\n" &&
      r.result.stderr === "err\n" &&
      r.result.timed_out === false &&
      r.result.truncated === false &&
      Number.isInteger(r.result.duration_ms),
    r,
  );

  r = await call(a, "exec", { cmd: "kill -TERM $$" });
  check("exec killed by signal", r.ok && r.result.exit_code === null && r.result.signal === 15, r);

  r = await call(a, "exec", { cmd: "cat", stdin: "hello\nworld" });
  check("exec stdin text", r.ok && r.result.stdout === "hello\nworld", r);
  r = await call(a, "exec", { cmd: "wc -c", stdin: "x".repeat(3000000) });
  check("exec large stdin", r.ok && r.result.stdout.trim() === "3000000", r);
  r = await call(a, "exec", { cmd: "head -c 10 >/dev/null; echo done", stdin: "y".repeat(2000000) });
  check("exec stdin closed early by command", r.ok && r.result.stdout === "done\n", r);
  r = await call(a, "exec", { cmd: "cat" });
  check("exec stdin defaults to /dev/null", r.ok && r.result.stdout === "" && r.result.exit_code === 0, r);

  r = await call(a, "exec", { cmd: 'echo "$PATH|$HOME|$TERM|$FOO"', env: { FOO: "bar baz" } });
  check(
    "exec environment",
    r.ok && r.result.stdout === "/usr/sbin:/usr/bin:/sbin:/bin|/root|dumb|bar baz\n",
    r,
  );
  r = await call(a, "exec", { cmd: 'echo "$TERM"', env: { TERM: "xterm" } });
  check("exec env overrides defaults", r.ok && r.result.stdout === "xterm\n", r);
  r = await call(a, "exec", { cmd: "true", env: { "A=B": "x" } });
  check("exec bad env name -> bad_request", errCode(r) === "bad_request", r);

  r = await call(a, "exec", { cmd: "pwd", cwd: work });
  check("exec cwd", r.ok && r.result.stdout === fs.realpathSync(work) + "\n", r);
  r = await call(a, "exec", { cmd: "pwd", cwd: path.join(work, "no/such/dir") });
  check("exec missing cwd -> not_found", errCode(r) === "not_found", r);

  r = await call(a, "exec", { cmd: "cat /proc/$$/stat" });
  const f = r.ok ? r.result.stdout.slice(r.result.stdout.lastIndexOf(")") + 2).split(" ") : [];
  const shPid = r.ok ? r.result.stdout.split(" ")[0] : "";
  check("exec runs in its own session and process group", r.ok && f[2] === shPid && f[3] === shPid, r);

  r = await call(a, "exec", { cmd: "ls /proc/self/fd" });
  const fds = r.ok ? r.result.stdout.trim().split("\n").sort().join(",") : "";
  check("exec child sees only fds 0-2 (+ ls own dir fd)", fds === "0,1,2,3", r);

  r = await call(a, "exec", { cmd: "printf 'a\\377b\\001\\033c'" });
  check(
    "exec invalid UTF-8 output -> U+FFFD, controls escaped",
    r.ok && r.result.stdout === "a\uFFFDb\u0001\u001bc",
    r,
  );

  r = await call(a, "exec", { cmd: "head -c 3000000 /dev/zero | tr '\\0' a; echo done >&2" });
  check(
    "exec output capped at 1 MiB with truncated",
    r.ok &&
      r.result.stdout.length === 1048576 &&
      r.result.truncated === true &&
      r.result.stderr === "done\n" &&
      r.result.exit_code === 0,
    r.ok ? { len: r.result.stdout.length, trunc: r.result.truncated } : r,
  );

  const t0 = Date.now();
  r = await call(a, "exec", { cmd: "sleep 100 & echo $!; sleep 100", timeout_ms: 700 });
  const elapsed = Date.now() - t0;
  check(
    "exec timeout",
    r.ok &&
      r.result.timed_out === true &&
      r.result.exit_code === null &&
      r.result.signal === 9 &&
      r.result.duration_ms >= 700 &&
      elapsed < 5000,
    r,
  );
  const bgPid = r.ok ? parseInt(r.result.stdout, 10) : NaN;
  let gone = false;
  for (let i = 0; i < 30 && Number.isInteger(bgPid); i++) {
    let st = null;
    try {
      st = fs.readFileSync(`/proc/${bgPid}/stat`, "utf8");
    } catch {
      // gone already
    }
    // A killed orphan may linger a moment as a zombie until init reaps it.
    if (st === null || st.slice(st.lastIndexOf(")") + 2, st.lastIndexOf(")") + 3) === "Z") {
      gone = true;
      break;
    }
    await sleep(100);
  }
  check("exec timeout killed the whole process group (background sleep too)", gone, { bgPid });

  const t1 = Date.now();
  r = await call(a, "exec", { cmd: "sleep 3 & echo started" });
  check(
    "exec returns soon after the shell exits even if a background job holds stdout",
    r.ok && r.result.stdout === "started\n" && Date.now() - t1 < 2500,
    { r, ms: Date.now() - t1 },
  );

  r = await call(a, "exec", { cmd: "true", timeout_ms: 0 });
  check("exec timeout_ms 0 -> bad_request", errCode(r) === "bad_request", r);
  r = await call(a, "exec", { cmd: "true", timeout_ms: 600001 });
  check("exec timeout_ms over max -> bad_request", errCode(r) === "bad_request", r);
  r = await call(a, "exec", {});
  check("exec without cmd -> bad_request", errCode(r) === "bad_request", r);

  const kids = `/proc/${a.proc.pid}/task/${a.proc.pid}/children`;
  if (fs.existsSync(kids)) {
    check(
      "agent left no children behind",
      fs.readFileSync(kids, "utf8").trim() === "",
      fs.readFileSync(kids, "utf8"),
    );
  }
}

async function testFiles(a) {
  const dir = path.join(work, "files");
  fs.mkdirSync(dir, { recursive: true });
  const p = path.join(dir, "hello.txt");
  const text = 'h\u00e9llo \u2713 \u{1F600}\u0001\ttab "quote" \\ back\n';

  let r = await call(a, "write_file", { path: p, content: text, expect_mtime_ns: "absent" });
  check(
    "write_file new file",
    r.ok && r.result.size === Buffer.byteLength(text) && /^\d+$/.test(r.result.mtime_ns),
    r,
  );
  const m1 = r.ok ? r.result.mtime_ns : "";
  r = await call(a, "write_file", { path: p, content: "x", expect_mtime_ns: "absent" });
  check("write_file expect absent but exists -> conflict", errCode(r) === "conflict", r);
  check("conflict left file untouched", fs.readFileSync(p, "utf8") === text);

  r = await call(a, "read_file", { path: p });
  check(
    "read_file utf8 round trip",
    r.ok &&
      r.result.encoding === "utf8" &&
      r.result.content === text &&
      r.result.size === Buffer.byteLength(text) &&
      r.result.mtime_ns === m1 &&
      r.result.mode === 0o644,
    r,
  );
  const st = fs.statSync(p, { bigint: true });
  check("mtime_ns matches the filesystem", r.ok && r.result.mtime_ns === st.mtimeNs.toString(), {
    got: r.result?.mtime_ns,
    fs: st.mtimeNs.toString(),
  });

  r = await call(a, "write_file", { path: p, content: "v2", expect_mtime_ns: "1" });
  check("write_file stale mtime -> conflict", errCode(r) === "conflict", r);
  r = await call(a, "write_file", { path: p, content: "v2", expect_mtime_ns: m1 });
  check("write_file with current mtime", r.ok && fs.readFileSync(p, "utf8") === "v2", r);
  r = await call(a, "write_file", {
    path: path.join(dir, "missing.txt"),
    content: "x",
    expect_mtime_ns: "123",
  });
  check("write_file expect mtime but file absent -> conflict", errCode(r) === "conflict", r);

  fs.chmodSync(p, 0o600);
  r = await call(a, "write_file", { path: p, content: "v3" });
  check("write_file keeps mode of existing file", r.ok && (fs.statSync(p).mode & 0o7777) === 0o600, r);
  r = await call(a, "write_file", { path: p, content: "v4", mode: 0o755 });
  check("write_file explicit mode", r.ok && (fs.statSync(p).mode & 0o7777) === 0o755, r);
  const leftovers = fs.readdirSync(dir).filter((n) => n.startsWith("."));
  check("write_file leaves no temp files", leftovers.length === 0, leftovers);

  const link = path.join(dir, "link.txt");
  fs.symlinkSync("hello.txt", link);
  r = await call(a, "write_file", { path: link, content: "via link" });
  check(
    "write_file through a symlink updates the target",
    r.ok && fs.lstatSync(link).isSymbolicLink() && fs.readFileSync(p, "utf8") === "via link",
    r,
  );

  const bin = Buffer.from([0x68, 0xff, 0xfe, 0x00, 0x41, 0xc3]);
  const bp = path.join(dir, "bin.dat");
  r = await call(a, "write_file", { path: bp, content: bin.toString("base64"), encoding: "base64" });
  check("write_file base64", r.ok && fs.readFileSync(bp).equals(bin), r);
  r = await call(a, "read_file", { path: bp });
  check(
    "read_file invalid UTF-8 -> base64",
    r.ok &&
      r.result.encoding === "base64" &&
      Buffer.from(r.result.content, "base64").equals(bin) &&
      r.result.size === 6,
    r,
  );
  r = await call(a, "write_file", { path: bp, content: "not base64!", encoding: "base64" });
  check("write_file bad base64 -> bad_request", errCode(r) === "bad_request", r);
  r = await call(a, "write_file", { path: bp, content: "x", encoding: "latin1" });
  check("write_file unknown encoding -> bad_request", errCode(r) === "bad_request", r);

  // Lone surrogates cannot be UTF-8; the agent writes U+FFFD for them.
  r = await a.req({ id: 900, type: "write_file", path: path.join(dir, "sur.txt"), content: "a\ud800b" });
  check(
    "write_file lone surrogate -> U+FFFD",
    r.ok && fs.readFileSync(path.join(dir, "sur.txt"), "utf8") === "a\uFFFDb",
    r,
  );

  const big = "z".repeat(7 * 1024 * 1024);
  const bigPath = path.join(dir, "big.txt");
  r = await call(a, "write_file", { path: bigPath, content: big });
  check(
    "write_file 7 MiB (request just under the line limit)",
    r.ok && fs.statSync(bigPath).size === big.length,
    r,
  );
  r = await call(a, "read_file", { path: bigPath, max_bytes: 8 * 1024 * 1024 });
  check("read_file 7 MiB", r.ok && r.result.content.length === big.length, r.ok ? r.result.size : r);
  r = await call(a, "read_file", { path: bigPath });
  check("read_file over default 4 MiB -> too_large", errCode(r) === "too_large", r);
  r = await call(a, "read_file", { path: p, max_bytes: 3 });
  check("read_file over max_bytes -> too_large", errCode(r) === "too_large", r);

  r = await call(a, "read_file", { path: path.join(dir, "nope") });
  check("read_file missing -> not_found", errCode(r) === "not_found", r);
  r = await call(a, "read_file", { path: dir });
  check("read_file directory -> bad_request", errCode(r) === "bad_request", r);
  r = await call(a, "read_file", { path: "/dev/null" });
  check("read_file device -> bad_request", errCode(r) === "bad_request", r);
  r = await call(a, "read_file", { path: "/proc/self/status" });
  check("read_file /proc file (size 0 in stat)", r.ok && r.result.content.startsWith("Name:"), r);
  r = await call(a, "read_file", {});
  check("read_file without path -> bad_request", errCode(r) === "bad_request", r);

  r = await call(a, "write_file", { path: path.join(dir, "no/such/dir/f"), content: "x" });
  check("write_file into missing dir -> not_found", errCode(r) === "not_found", r);
  r = await call(a, "write_file", { path: dir, content: "x" });
  check("write_file onto a directory -> bad_request", errCode(r) === "bad_request", r);

  r = await call(a, "stat", { path: p });
  check(
    "stat file",
    r.ok &&
      r.result.exists === true &&
      r.result.is_dir === false &&
      r.result.size === 8 &&
      r.result.mode === 0o755 &&
      /^\d+$/.test(r.result.mtime_ns),
    r,
  );
  r = await call(a, "stat", { path: dir });
  check("stat dir", r.ok && r.result.exists === true && r.result.is_dir === true, r);
  r = await call(a, "stat", { path: path.join(dir, "nope") });
  check("stat missing", r.ok && r.result.exists === false, r);
}

async function testResize(a) {
  let r = await call(a, "resize", { rows: 40, cols: 120, tty: "/dev/ptmx" });
  check("resize on a pty", r.ok && JSON.stringify(r.result) === "{}", r);
  r = await call(a, "resize", { rows: 40, cols: 120, tty: path.join(work, "no-tty") });
  check("resize missing tty -> not_found", errCode(r) === "not_found", r);
  r = await call(a, "resize", { rows: 0, cols: 120, tty: "/dev/ptmx" });
  check("resize rows 0 -> bad_request", errCode(r) === "bad_request", r);
  r = await call(a, "resize", { cols: 80 });
  check("resize without rows -> bad_request", errCode(r) === "bad_request", r);
}

function startMountNamespace() {
  // A private mount namespace with a mount point containing a space checks
  // both the per-namespace listing and the \040 decoding.
  const mp = path.join(work, "dir with space");
  fs.mkdirSync(mp, { recursive: true });
  const child = spawn(
    "unshare",
    [
      "-m",
      "--propagation",
      "private",
      "sh",
      "-c",
      'mount -t tmpfs clabtest "$1" && echo ready && exec sleep 60',
      "sh",
      mp,
    ],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  process.on("exit", () => child.kill("SIGKILL"));
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(null), 5000);
    child.stdout.on("data", (d) => {
      if (String(d).includes("ready")) {
        clearTimeout(t);
        resolve({ child, mp });
      }
    });
    child.on("exit", () => {
      clearTimeout(t);
      resolve(null);
    });
  });
}

function makeTestCgroup(cgroupRoot) {
  if (!cgroupRoot) return null;
  const rel = `/clab-agent-test-${process.pid}`;
  try {
    fs.mkdirSync(path.join(cgroupRoot, rel, "inner"), { recursive: true });
    // Removed however the test ends, so a failed run leaves no cgroups behind.
    process.on("exit", () => {
      for (const d of ["inner", ""]) {
        try {
          fs.rmdirSync(path.join(cgroupRoot, rel, d));
        } catch {
          // already gone
        }
      }
    });
    fs.writeFileSync(path.join(cgroupRoot, rel, "inner", "cgroup.freeze"), "1");
    return { rel, dir: path.join(cgroupRoot, rel) };
  } catch {
    return null;
  }
}

async function testSnapshot(a, cgroupRoot) {
  const ns = await startMountNamespace();
  const cgTest = makeTestCgroup(cgroupRoot);
  // The exec'd sleep never reaps its child, which becomes a zombie.
  const reaperless = spawn("sh", ["-c", "sleep 0.1 & exec sleep 5"], { stdio: "ignore" });
  process.on("exit", () => reaperless.kill("SIGKILL"));
  await sleep(600);
  const r = await call(a, "snapshot");
  check("snapshot ok", r.ok === true, r);
  if (!r.ok) return;
  const s = r.result;
  check(
    "snapshot top-level fields",
    Number.isInteger(s.uptime_ms) &&
      s.hostname === os.hostname() &&
      Number.isInteger(s.cpu_us) &&
      s.cpu_us >= 0,
    { uptime: s.uptime_ms, host: s.hostname, cpu: s.cpu_us },
  );

  const me = s.processes.find((p) => p.pid === a.proc.pid);
  check("snapshot lists the agent", !!me);
  if (me) {
    check(
      "process fields",
      me.comm === "guest-agent" &&
        JSON.stringify(me.cmdline) === JSON.stringify([agentPath, "-"]) &&
        me.ppid === process.pid &&
        typeof me.state === "string" &&
        me.state.length === 1 &&
        me.uid.length === 4 &&
        me.gid.length === 4 &&
        me.nspid.length >= 1 &&
        me.nspid[0] === me.pid &&
        /^[0-9a-f]{16}$/.test(me.cap_eff) &&
        /^[0-9a-f]{16}$/.test(me.cap_prm) &&
        /^[0-9a-f]{16}$/.test(me.cap_bnd) &&
        me.no_new_privs === 0 &&
        me.seccomp === 0 &&
        typeof me.cgroup === "string" &&
        me.cgroup.startsWith("/"),
      me,
    );
    const kinds = ["mnt", "uts", "ipc", "pid", "net", "user", "cgroup", "time"];
    check(
      "process ns inodes",
      kinds.every((k) => Number.isInteger(me.ns[k]) && me.ns[k] > 0),
      me.ns,
    );
    check(
      "process ns/mnt matches readlink",
      `mnt:[${me.ns.mnt}]` === fs.readlinkSync(`/proc/${me.pid}/ns/mnt`),
    );
    check(
      "process uid_map triples",
      Array.isArray(me.uid_map) &&
        me.uid_map.length > 0 &&
        me.uid_map.every((t) => t.length === 3 && t.every(Number.isInteger)) &&
        Array.isArray(me.gid_map),
      me.uid_map,
    );
  }
  check(
    "no kernel threads",
    s.processes.every((p) => p.pid !== 2 && !(p.ppid === 2 && p.cmdline.length === 0)),
  );
  check(
    "processes sorted by pid",
    s.processes.every((p, i, arr) => i === 0 || arr[i - 1].pid < p.pid),
  );

  const zombie = s.processes.find((p) => p.ppid === reaperless.pid);
  check(
    "zombie listed: state Z, empty cmdline, only pid/user namespaces",
    zombie &&
      zombie.state === "Z" &&
      zombie.cmdline.length === 0 &&
      zombie.ns.mnt === null &&
      zombie.ns.net === null &&
      Number.isInteger(zombie.ns.pid),
    zombie,
  );
  reaperless.kill("SIGKILL");

  const nsKey = (t, i) => `${t}:${i}`;
  const nsMap = new Map(s.namespaces.map((n) => [nsKey(n.type, n.inode), n]));
  check("namespaces unique", nsMap.size === s.namespaces.length);
  check(
    "every process namespace is listed with the pid",
    s.processes.every((p) =>
      Object.entries(p.ns).every(
        ([t, ino]) => ino === null || nsMap.get(nsKey(t, ino))?.pids.includes(p.pid),
      ),
    ),
  );
  check(
    "namespace entries well-formed",
    s.namespaces.every(
      (n) =>
        typeof n.type === "string" &&
        Number.isInteger(n.inode) &&
        (n.owner_user === null || Number.isInteger(n.owner_user)) &&
        (n.parent === null || Number.isInteger(n.parent)) &&
        n.pids.length > 0,
    ),
    s.namespaces.slice(0, 3),
  );
  check(
    "owner_user of non-user namespaces is a known user namespace",
    s.namespaces
      .filter((n) => n.type !== "user" && n.owner_user !== null)
      .every((n) => nsMap.has(nsKey("user", n.owner_user))),
  );

  const mine = me && s.mount_namespaces.find((m) => m.inode === me.ns.mnt);
  check(
    "mount namespace of the agent",
    !!mine && mine.mounts.some((m) => m.mount_point === "/"),
    mine && mine.mounts.slice(0, 2),
  );
  check(
    "mount fields",
    !!mine &&
      mine.mounts.every(
        (m) =>
          Number.isInteger(m.id) &&
          Number.isInteger(m.parent) &&
          /^\d+:\d+$/.test(m.dev) &&
          typeof m.root === "string" &&
          typeof m.options === "string" &&
          typeof m.fs_type === "string" &&
          typeof m.source === "string" &&
          typeof m.super_options === "string" &&
          Array.isArray(m.optional),
      ),
    mine && mine.mounts[0],
  );
  check(
    "one entry per mount namespace",
    s.mount_namespaces.length === s.namespaces.filter((n) => n.type === "mnt").length,
  );

  if (ns) {
    const other = s.mount_namespaces.find((m) => m.mounts.some((x) => x.mount_point === ns.mp));
    check(
      "private mount namespace seen, \\040 decoded",
      !!other &&
        other.inode !== me?.ns.mnt &&
        other.mounts.some((x) => x.mount_point === ns.mp && x.fs_type === "tmpfs" && x.source === "clabtest"),
    );
    ns.child.kill("SIGKILL");
  } else {
    skip("private mount namespace seen, \\040 decoded", "unshare -m not permitted here");
  }

  if (cgroupRoot) {
    const root = s.cgroups[0];
    check(
      "cgroup root node",
      root &&
        root.path === "/" &&
        Array.isArray(root.controllers) &&
        Array.isArray(root.subtree_control) &&
        Array.isArray(root.procs) &&
        root.procs.every(Number.isInteger) &&
        !("frozen" in root),
      root,
    );
    check(
      "cgroup root has cpu.stat only (absent knobs are omitted)",
      root && root.cpu && !("max" in root.cpu) && Number.isInteger(root.cpu.stat.usage_usec),
      root && root.cpu,
    );
    check(
      "cgroup nodes well-formed",
      s.cgroups.every((c) => typeof c.path === "string" && "memory" in c && "pids" in c && "cpu" in c),
    );
    if (cgTest) {
      const outer = s.cgroups.findIndex((c) => c.path === cgTest.rel);
      const inner = s.cgroups.findIndex((c) => c.path === cgTest.rel + "/inner");
      check(
        "cgroup children listed after their parent, with frozen",
        outer > 0 &&
          inner > outer &&
          s.cgroups[outer].frozen === 0 &&
          s.cgroups[inner].frozen === 1 &&
          s.cgroups[inner].procs.length === 0,
        [s.cgroups[outer], s.cgroups[inner]],
      );
    } else {
      skip("cgroup children listed after their parent, with frozen", "cannot create cgroups here");
    }
  } else {
    skip("cgroup2 tree", "no cgroup2 mount on this host");
  }
}

async function main() {
  fs.mkdirSync(work, { recursive: true });
  // The host's /sys/fs/cgroup may be v1; point the agent at a cgroup2 mount if there is one.
  const mounts = fs.readFileSync("/proc/self/mountinfo", "utf8").split("\n");
  const cg2 = mounts
    .map((l) => l.split(" - "))
    .filter((p) => p[1] && p[1].startsWith("cgroup2 "))
    .map((p) => p[0].split(" ")[4])[0];

  const a = new Agent(cg2 ? { GUEST_AGENT_CGROUP_ROOT: cg2 } : {});
  await testFraming(a);
  await testExec(a);
  await testFiles(a);
  await testResize(a);
  await testSnapshot(a, cg2);
  check("every output line was valid UTF-8 JSON", a.badOutput.length === 0, a.badOutput);
  a.proc.stdin.end();
  const ex = await Promise.race([a.exited, sleep(3000).then(() => null)]);
  check("agent exits 0 on EOF", ex && ex.code === 0, ex);

  // A v1 hierarchy must yield an empty list rather than misread files.
  const b = new Agent({ GUEST_AGENT_CGROUP_ROOT: work });
  await b.next();
  const r = await call(b, "snapshot");
  check(
    "cgroups empty when the root is not cgroup2",
    r.ok && Array.isArray(r.result.cgroups) && r.result.cgroups.length === 0,
    r.ok ? r.result.cgroups : r,
  );
  b.proc.stdin.end();
  await b.exited;

  // No newline at EOF: the last request is still answered.
  const c = spawnSync(agentPath, ["-"], { input: '{"id":7,"type":"ping"}' });
  const out = c.stdout.toString().trim().split("\n");
  check("request without trailing newline at EOF", out.length === 2 && JSON.parse(out[1]).id === 7, out);
}

main().then(
  () => {
    console.log(`agent: ${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  },
  (e) => {
    console.log(`not ok - test driver crashed: ${e.stack}`);
    process.exit(1);
  },
);
