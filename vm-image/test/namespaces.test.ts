// The eight namespace types, observed from inside the real guest.
import { describe, expect, it } from "vitest";
import { sh, shAny, useGuest } from "./guest.ts";

describe("namespaces", () => {
  const guest = useGuest();

  it("a PID namespace with a fresh /proc makes the first process PID 1", async () => {
    const out = await sh(
      guest(),
      "unshare --pid --fork --mount-proc sh -c 'echo pid=$$; ls /proc | grep -E \"^[0-9]+$\"'",
    );
    const [first, ...pids] = out.trim().split("\n");
    expect(first).toBe("pid=1");
    // Only the shell and ls exist in there; the host's init, agent and shell are invisible.
    expect(pids.map(Number).every((pid) => pid <= 3)).toBe(true);
  });

  it("a hostname set in a new UTS namespace stays inside", async () => {
    const inside = await sh(guest(), "unshare --uts sh -c 'hostname inside-uts && hostname'");
    expect(inside.trim()).toBe("inside-uts");
    expect((await sh(guest(), "hostname")).trim()).toBe("containerlab");
  });

  it("student becomes uid 0 in a user namespace with a one-line uid_map", async () => {
    const out = await sh(
      guest(),
      "su -s /bin/sh student -c 'id -u; unshare --user --map-root-user sh -c \"id -u; cat /proc/self/uid_map\"'",
    );
    const [outside, inside, map] = out.trim().split("\n");
    expect(outside).toBe("1000");
    expect(inside).toBe("0");
    expect(map?.trim().split(/\s+/)).toEqual(["0", "1000", "1"]);
  });

  it("lsns lists a namespace the test created, with its process", async () => {
    await sh(guest(), "setsid unshare --uts sleep 300 >/dev/null 2>&1 < /dev/null &");
    const pid = (
      await sh(guest(), 'sleep 0.3; ps -o pid,args | awk \'$2 == "sleep" && $3 == "300" {print $1}\'')
    ).trim();
    const inode = (await sh(guest(), `readlink /proc/${pid}/ns/uts`)).match(/\[(\d+)\]/)?.[1];
    const lsns = await sh(guest(), "lsns --list -t uts -n -o NS,PID,COMMAND");
    expect(inode).toBeDefined();
    // lsns names a namespace by its lowest PID; the sleep is the only process in this one.
    expect(lsns).toMatch(new RegExp(`^\\s*${inode}\\s+\\d+\\s+sleep 300`, "m"));
    await sh(guest(), `kill ${pid}`);
  });

  it("two network namespaces joined by a veth pair ping each other", async () => {
    await sh(
      guest(),
      [
        "ip netns add red",
        "ip netns add blue",
        "ip link add veth-red type veth peer name veth-blue",
        "ip link set veth-red netns red",
        "ip link set veth-blue netns blue",
        "ip -n red addr add 10.0.0.1/24 dev veth-red",
        "ip -n blue addr add 10.0.0.2/24 dev veth-blue",
        "ip -n red link set veth-red up",
        "ip -n blue link set veth-blue up",
      ].join(" && "),
    );
    // The peer got the name asked for (busybox ip would have ignored it).
    expect(await sh(guest(), "ip -n blue -o link show")).toMatch(/veth-blue@/);
    const ping = await sh(guest(), "ip netns exec red ping -c 2 -W 3 10.0.0.2");
    expect(ping).toMatch(/2 packets transmitted, 2 (packets )?received/);
    // The host namespace sees neither end.
    expect(await sh(guest(), "ip -o link show")).not.toMatch(/veth-/);
    await sh(guest(), "ip netns del red; ip netns del blue");
  });

  it("an IPC namespace does not see the host's message queues", async () => {
    const created = await sh(guest(), "ipcmk -Q");
    const id = created.match(/(\d+)/)?.[1];
    expect(id).toBeDefined();
    const outside = await sh(guest(), "ipcs -q");
    const inside = await sh(guest(), "unshare --ipc ipcs -q");
    expect(outside).toMatch(new RegExp(`\\s${id}\\s`));
    expect(inside).not.toMatch(new RegExp(`\\s${id}\\s`));
    await sh(guest(), `ipcrm -q ${id}`);
  });

  it("a time namespace offsets the boot clock in /proc/uptime", async () => {
    const outside = Number((await sh(guest(), "cut -d' ' -f1 /proc/uptime")).trim());
    const inside = Number(
      (await sh(guest(), "unshare --time --fork --boottime 86400 cut -d' ' -f1 /proc/uptime")).trim(),
    );
    expect(outside).toBeLessThan(86400);
    expect(inside - outside).toBeGreaterThan(86400 - 60);
    expect(inside - outside).toBeLessThan(86400 + 60);
  });

  it("a cgroup namespace shows the process's cgroup as the root", async () => {
    const out = await sh(
      guest(),
      "mkdir -p /sys/fs/cgroup/nstest && sh -c 'echo $$ > /sys/fs/cgroup/nstest/cgroup.procs; cat /proc/self/cgroup; unshare --cgroup cat /proc/self/cgroup'",
    );
    expect(out.trim().split("\n")).toEqual(["0::/nstest", "0::/"]);
    await shAny(guest(), "rmdir /sys/fs/cgroup/nstest");
  });

  it("all eight namespace types exist for every process", async () => {
    const out = await sh(guest(), "ls /proc/self/ns | sort | tr '\\n' ' '");
    for (const type of ["cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"]) {
      expect(out.split(" ")).toContain(type);
    }
  });
});
