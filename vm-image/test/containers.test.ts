// The real container stack in the guest: OCI runtimes (crun, runc), the engine (podman, and
// docker through Debian's podman-docker), pods, strace, and the lazy filesystem they live on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, readFsJson, zstdDecompress } from "../../scripts/lib/lazyFs.ts";
import { DIST_DIR } from "../../scripts/lib/paths.ts";
import { sha256 } from "../../scripts/lib/sha256.ts";
import type { NodeGuest } from "../../scripts/lib/nodeGuest.ts";
import { WARM_UP_COMMAND } from "../../web/src/vm/guestConfig.ts";
import { RESTORE_LAB_IMAGES } from "../../web/src/vm/guestHealth.ts";
import { probeGuest } from "../../web/src/vm/healthProbe.ts";
import { runSetup, sh, shAny, useGuest } from "./guest.ts";

/** A busybox root filesystem for hand-made OCI bundles (relative applet links, so they work inside). */
const MAKE_ROOTFS = (dir: string) =>
  `mkdir -p ${dir}/rootfs/bin ${dir}/rootfs/proc ${dir}/rootfs/sys ${dir}/rootfs/dev ${dir}/rootfs/tmp && ` +
  `cp /bin/busybox ${dir}/rootfs/bin/ && for a in $(/bin/busybox --list); do [ $a = busybox ] || ln -sf busybox ${dir}/rootfs/bin/$a; done`;

interface OciConfig {
  process: { terminal: boolean; args: string[] };
  linux: {
    resources?: Record<string, unknown>;
    namespaces: Array<{ type: string }>;
  };
}

async function readConfig(guest: NodeGuest, path: string): Promise<OciConfig> {
  const file = await guest.agent.request("read_file", { path });
  return JSON.parse(file.content) as OciConfig;
}

async function writeConfig(guest: NodeGuest, path: string, config: OciConfig): Promise<void> {
  await guest.agent.request("write_file", { path, content: JSON.stringify(config, null, 2) });
}

/** A busybox bundle in `dir` with the config.json that `runtime spec` writes, changed by `edit`. */
async function specBundle(
  guest: NodeGuest,
  dir: string,
  runtime: "crun" | "runc",
  edit: (config: OciConfig) => void,
): Promise<void> {
  await sh(guest, `mkdir -p ${dir} && cd ${dir} && ${MAKE_ROOTFS(".")} && ${runtime} spec`);
  const config = await readConfig(guest, `${dir}/config.json`);
  edit(config);
  await writeConfig(guest, `${dir}/config.json`, config);
}

/** The namespace links of a process that differ from PID 1's. */
async function newNamespaces(guest: NodeGuest, pid: string): Promise<string[]> {
  const out = await sh(
    guest,
    `for ns in cgroup ipc mnt net pid uts user; do [ "$(readlink /proc/${pid}/ns/$ns)" = "$(readlink /proc/1/ns/$ns)" ] || echo $ns; done`,
  );
  return out.trim().split("\n").filter(Boolean);
}

async function cgroupFile(guest: NodeGuest, pid: string, file: string): Promise<string> {
  return (await sh(guest, `cat /sys/fs/cgroup$(cut -d: -f3 /proc/${pid}/cgroup)/${file}`)).trim();
}

describe("container stack", () => {
  const guest = useGuest();

  for (const runtime of ["crun", "runc"]) {
    it(`${runtime} runs the config.json that \`${runtime} spec\` writes, unmodified, on the console`, async () => {
      const g = guest();
      const dir = `/root/console-${runtime}`;
      await g.run(`mkdir -p ${dir} && cd ${dir} && ${MAKE_ROOTFS(".")} && ${runtime} spec`);
      const from = g.output.length;
      g.type(`${runtime} run demo-${runtime}\n`);
      await g.waitForOutput(/# $/m, 60_000, from);
      g.type("echo inside-$((6*7)) $(hostname); exit\n");
      await g.waitForOutput(new RegExp(`inside-42 ${runtime}`), 30_000, from);
      // The runtime returns with the container's exit status once its shell has gone.
      await g.waitForOutput(/\]133;D;0/, 30_000, from);
      const after = await g.run(`cd /root && ${runtime} list -q | grep -c demo-${runtime} || true`);
      expect(after.output.trim()).toBe("0");
    });
  }

  it("crun run -d creates the spec's namespaces and writes its limits to cgroup v2", async () => {
    const g = guest();
    await specBundle(g, "/root/b2", "crun", (config) => {
      config.process.terminal = false;
      config.process.args = ["sleep", "300"];
      config.linux.resources = {
        ...config.linux.resources,
        memory: { limit: 67108864 },
        pids: { limit: 32 },
      };
    });
    await sh(g, "cd /root/b2 && crun run -d demo2");
    try {
      const state = JSON.parse(await sh(g, "crun state demo2")) as { pid: number; status: string };
      expect(state.status).toBe("running");
      const pid = String(state.pid);
      expect(await newNamespaces(g, pid)).toEqual(
        expect.arrayContaining(["ipc", "mnt", "net", "pid", "uts"]),
      );
      expect(await cgroupFile(g, pid, "memory.max")).toBe("67108864");
      expect(await cgroupFile(g, pid, "pids.max")).toBe("32");
    } finally {
      await shAny(g, "crun kill demo2 KILL; sleep 0.5; crun delete -f demo2");
    }
  });

  it("rootless crun: student runs `crun spec --rootless` in a user namespace", async () => {
    const g = guest();
    await sh(
      g,
      `su -s /bin/sh student -c 'mkdir -p ~/b3 && cd ~/b3 && ${MAKE_ROOTFS(".")} && crun spec --rootless'`,
    );
    const config = await readConfig(g, "/home/student/b3/config.json");
    expect(config.linux.namespaces.map((n) => n.type)).toContain("user");
    config.process.terminal = false;
    config.process.args = ["sh", "-c", "id -u; cat /proc/self/uid_map"];
    await writeConfig(g, "/home/student/b3/config.json", config);
    await sh(g, "chown student: /home/student/b3/config.json");
    const out = await sh(
      g,
      "su -s /bin/sh student -c 'cd ~/b3 && XDG_RUNTIME_DIR=/tmp/student-run crun run demo3'",
    );
    const [uid, map] = out.trim().split("\n");
    expect(uid).toBe("0");
    expect(map?.trim().split(/\s+/)).toEqual(["0", "1000", "1"]);
  });

  it("runc runs its own spec, with the same namespaces", async () => {
    const g = guest();
    await specBundle(g, "/root/b4", "runc", (config) => {
      config.process.terminal = false;
      config.process.args = ["sh", "-c", "hostname; echo pid=$$"];
    });
    const out = await sh(g, "cd /root/b4 && runc run demo4", 60_000);
    expect(out.trim().split("\n")).toEqual(["runc", "pid=1"]);
  });

  it("podman run --rm runs the offline image, which says what it really is", async () => {
    const out = await sh(guest(), "podman run --rm alpine cat /etc/os-release", 120_000);
    expect(out).toMatch(/^ID=lab-busybox$/m);
    expect(out).toMatch(/standing in for alpine and busybox/);
  });

  it("podman run -d, ps, exec, stop, rm", async () => {
    const g = guest();
    await sh(g, "podman run -d --name web busybox sleep 300", 120_000);
    expect(await sh(g, "podman ps --format '{{.Names}} {{.Status}}'", 60_000)).toMatch(/^web Up/m);
    expect((await sh(g, "podman exec web hostname", 60_000)).trim()).toMatch(/^[0-9a-f]{12}$/);
    await sh(g, "podman stop -t 1 web", 60_000);
    await sh(g, "podman rm web", 60_000);
    expect(await sh(g, "podman ps -a --format '{{.Names}}'", 60_000)).not.toMatch(/^web$/m);
  });

  it("podman run --memory 64m writes 67108864 to the container's memory.max", async () => {
    const out = await sh(
      guest(),
      "podman run --rm --memory 64m alpine cat /sys/fs/cgroup/memory.max",
      120_000,
    );
    expect(out.trim()).toBe("67108864");
  });

  it("docker run goes through Debian's podman-docker shim to the same podman", async () => {
    const g = guest();
    expect((await sh(g, "readlink -f $(command -v docker)")).trim()).toBe("/opt/lazy/usr/bin/docker");
    const out = await sh(g, "docker run --rm --memory=64m busybox cat /sys/fs/cgroup/memory.max", 120_000);
    expect(out.trim()).toBe("67108864");
  });

  // --share-parent=false: Debian's podman 4.3 gives a pod's own cgroup a deny-all device filter
  // under the cgroupfs manager, so containers placed below it cannot open /dev/null.
  it("a pod's containers share one network namespace (the infra container holds it)", async () => {
    const g = guest();
    await sh(g, "podman pod create --share-parent=false --name pod1", 120_000);
    try {
      await sh(g, "podman run -d --pod pod1 --name pa busybox sleep 300", 120_000);
      await sh(g, "podman run -d --pod pod1 --name pb busybox sleep 300", 120_000);
      const pids = (await sh(g, "podman inspect --format '{{.State.Pid}}' pa pb", 60_000)).trim().split("\n");
      expect(pids).toHaveLength(2);
      const nets = await sh(g, pids.map((pid) => `readlink /proc/${pid}/ns/net`).join("; "));
      const [a, b] = nets.trim().split("\n");
      expect(a).toMatch(/^net:\[\d+\]$/);
      expect(a).toBe(b);
      expect(a).not.toBe((await sh(g, "readlink /proc/1/ns/net")).trim());
    } finally {
      await shAny(g, "podman pod rm -f -t 0 pod1", 120_000);
    }
  });

  it("lab_remove_containers removes Podman's containers and pods and crun's, and is quick with none", async () => {
    const g = guest();
    const setup = () => runSetup(g, "remove-test", "lab_remove_containers", true);
    await sh(g, "podman run -d --name leftover busybox sleep 300", 120_000);
    await sh(g, "podman pod create --share-parent=false --name leftpod", 120_000);
    await specBundle(g, "/root/b5", "crun", (config) => {
      config.process.terminal = false;
      config.process.args = ["sleep", "300"];
    });
    await sh(g, "cd /root/b5 && crun run -d direct");

    expect(await setup()).toMatchObject({ exit_code: 0, timed_out: false });
    expect(await sh(g, "podman ps -aq | wc -l; podman pod ps -q | wc -l; crun list -q | wc -l", 60_000)).toBe(
      "0\n0\n0\n",
    );
    expect(await sh(g, "pidof sleep || echo none")).toBe("none\n");
    // With nothing left, it does not start podman at all.
    const started = Date.now();
    expect(await setup()).toMatchObject({ exit_code: 0 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a pull fails at once with a message that names the blocked registry", async () => {
    const started = Date.now();
    const result = await shAny(guest(), "podman pull nginx", 60_000);
    expect(result.exit_code).not.toBe(0);
    expect(result.stderr).toMatch(/registry docker\.io is blocked/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("the page's warm-up returns at once, runs podman in the background and leaves no container or event", async () => {
    const g = guest();
    const started = Date.now();
    await sh(g, WARM_UP_COMMAND);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Its podman shows up, then goes, each looked for (bounded) and said when it did not happen.
    // The [p]: the pattern must not match the shell that runs pgrep, whose command line holds it.
    const until = (test: string, seen: string, notSeen: string) =>
      sh(
        g,
        `for i in $(seq 600); do ${test} && { echo ${seen}; exit; }; sleep 0.2; done; echo ${notSeen}`,
        180_000,
      );
    expect(await until("pgrep -f 'podman.*lab-warm-u[p]' >/dev/null", "started", "never started")).toBe(
      "started\n",
    );
    expect(await until("! pgrep -f 'lab-warm-u[p]' >/dev/null", "done", "still running")).toBe("done\n");
    expect(await sh(g, "podman ps -a --format '{{.Names}}'")).not.toContain("lab-warm-up");
    expect(await sh(g, "podman events --stream=false --since 10m")).not.toContain("lab-warm-up");
  }, 240_000);

  it("strace shows the namespace flags unshare passes to the kernel", async () => {
    const out = await sh(guest(), "strace -f -e trace=unshare unshare --uts --pid --fork true 2>&1");
    expect(out).toMatch(/unshare\(CLONE_NEWUTS\|CLONE_NEWPID\)\s+= 0/);
  });
});

describe("lazy filesystem", () => {
  const guest = useGuest();
  const files = listFiles(readFsJson(DIST_DIR));
  const strace = files.find((f) => f.path === "/usr/bin/strace");

  it("a file read over 9p has the sha256 its name promises", async () => {
    expect(strace).toBeDefined();
    const out = await sh(guest(), "sha256sum /usr/bin/strace");
    expect(`${out.split(" ")[0]}.zst`).toBe(strace?.stored);
    // And the guest read the same bytes as the packed file in vm-image/dist holds.
    const packed = zstdDecompress(readFileSync(join(DIST_DIR, "lazyfs", "files", strace?.stored ?? "")));
    expect(`${sha256(packed)}.zst`).toBe(strace?.stored);
    expect(packed.length).toBe(strace?.size);
  });

  it("lazy files are kept: a page-cache miss does not fetch the file again", async () => {
    const g = guest();
    await sh(g, "cat /usr/bin/strace > /dev/null");
    const loads = g.lazyFiles.loads;
    await sh(g, "sync; echo 3 > /proc/sys/vm/drop_caches; cat /usr/bin/strace > /dev/null; strace -V");
    // If a v86 upgrade moved the seam in web/src/vm/lazyFiles.ts, the dropped file is fetched again.
    expect(loads).toBeGreaterThan(0);
    expect(g.lazyFiles.loads).toBe(loads);
  });

  it("after podman system reset the health probe says the lab's images are gone, and lab-seed-images puts them back", async () => {
    // The page saved such a machine (it looked healthy) and `docker run` then asked a registry.
    const g = guest();
    expect((await probeGuest(g.agent, 10_000))?.labImages).toBe(true);
    await sh(g, "podman system reset -f", 120_000);
    expect((await probeGuest(g.agent, 10_000))?.labImages).toBe(false);
    await sh(g, RESTORE_LAB_IMAGES, 120_000);
    expect((await probeGuest(g.agent, 10_000))?.labImages).toBe(true);
    expect(await sh(g, "docker run --rm alpine echo back", 120_000)).toContain("back");
  }, 400_000);
});
