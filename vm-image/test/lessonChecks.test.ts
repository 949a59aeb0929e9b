// Lesson checks that must not pass for a shortcut the review found (#14): a plain file for a
// network namespace, a static neighbour entry, any overlay at the path; and one that must pass
// for a script written in the editor with its options in another order.
import { expect, it } from "vitest";
import { readLessonTree } from "../../scripts/lib/lessonSources.ts";
import { shAny, useGuest } from "./guest.ts";

const guest = useGuest();
const chapters = readLessonTree().chapters;
const check = (chapter: string, step: string) =>
  chapters.find((c) => c.id === chapter)?.lessons.en?.steps.find((s) => s.id === step)?.checks[0]?.code ??
  "false";

it("the tightened checks refuse the shortcuts", async () => {
  const g = guest();
  const run = async (cmd: string) => (await shAny(g, cmd)).exit_code;
  await run("mkdir -p /run/netns && touch /run/netns/red /run/netns/blue");
  expect(await run(check("more-namespaces", "netns-create"))).not.toBe(0);
  await run("rm -f /run/netns/red /run/netns/blue; ip netns add red; ip netns add blue");
  expect(await run(check("more-namespaces", "netns-create"))).toBe(0);
  await run(
    "ip link add veth-red type veth peer name veth-blue; ip link set veth-red netns red; ip link set veth-blue netns blue; ip -n red addr add 10.0.0.1/24 dev veth-red; ip -n blue addr add 10.0.0.2/24 dev veth-blue; ip -n red link set veth-red up; ip -n blue link set veth-blue up",
  );
  await run("ip -n red neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth-red");
  expect(await run(check("more-namespaces", "ping"))).not.toBe(0);
  await run(
    "mkdir -p /root/ov/merged /tmp/o/l /tmp/o/u /tmp/o/w && mount -t overlay overlay -o lowerdir=/tmp/o/l,upperdir=/tmp/o/u,workdir=/tmp/o/w /root/ov/merged",
  );
  expect(await run(check("images", "mount-overlay"))).not.toBe(0);
  await run(
    "umount /root/ov/merged; mkdir -p /root/ov/lower /root/ov/upper /root/ov/work && echo x > /root/ov/lower/a.txt && mount -t overlay overlay -o lowerdir=/root/ov/lower,upperdir=/root/ov/upper,workdir=/root/ov/work /root/ov/merged",
  );
  expect(await run(check("images", "mount-overlay"))).toBe(0);
  const script =
    '#!/bin/bash\\nset -e\\necho 1 > x/memory.max\\nexec unshare -f --pid --mount -C --net --ipc --uts bash \\"$0\\" --inside\\nmount -o lowerdir=a x\\npivot_root . oldroot\\nexec bash\\n';
  await run(`printf '${script}' > /root/mycontainer.sh; chmod +x /root/mycontainer.sh`);
  expect(await run(check("capstone", "write-script"))).toBe(0);
  await run("sed -i 's/ -C / /' /root/mycontainer.sh");
  expect(await run(check("capstone", "write-script"))).not.toBe(0);
}, 120_000);
