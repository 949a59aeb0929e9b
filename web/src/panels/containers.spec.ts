import { describe, expect, it } from "vitest";
import { buildCgroupTree, findCgroup } from "./cgroupTree.ts";
import { containerMembership, containerTitle } from "./containers.ts";
import { fixture } from "./fixtures/index.ts";
import { buildNamespaceMatrix } from "./namespaceMatrix.ts";
import { buildProcessTree } from "./processTree.ts";

const snapshot = fixture("containers");
const byArgs = (args: string) => snapshot.processes.filter((p) => p.cmdline.join(" ") === args);

describe("container membership (real guest: podman 'web' with an exec, crun 'demo')", () => {
  const members = containerMembership(snapshot);

  it("names podman's container after conmon's -n, and crun's after its id", () => {
    const [webSleep] = byArgs("sleep 1000").filter((p) => members.get(p.pid)?.engine === "podman");
    expect(webSleep).toBeDefined();
    const web = members.get(webSleep?.pid ?? -1);
    expect(web).toMatchObject({ name: "web", runtime: "crun", engine: "podman" });
    expect(web?.id).toMatch(/^[0-9a-f]{64}$/);
    const demo = [...members.values()].find((c) => c.name === "demo");
    expect(demo).toMatchObject({ id: "demo", runtime: "crun", engine: null });
  });

  it("counts a podman exec'd process in, and conmon, podman's helpers and the host out", () => {
    const [exec] = byArgs("sleep 999");
    expect(members.get(exec?.pid ?? -1)?.name).toBe("web");
    for (const p of snapshot.processes.filter((p) => p.comm === "conmon" || p.pid === 1 || p.comm === "bash"))
      expect(members.has(p.pid)).toBe(false);
  });

  it("shows the container in the process tree, the namespace matrix and the cgroup tree", () => {
    const [exec] = byArgs("sleep 999");
    const tree = buildProcessTree(snapshot);
    const flat = (nodes: typeof tree.roots): typeof tree.roots =>
      nodes.flatMap((n) => [n, ...flat(n.children)]);
    expect(flat(tree.roots).find((n) => n.pid === exec?.pid)?.container?.name).toBe("web");
    const row = buildNamespaceMatrix(snapshot).rows.find((r) => r.pid === exec?.pid);
    expect(row?.container?.name).toBe("web");
    const web = members.get(exec?.pid ?? -1);
    const node = findCgroup(buildCgroupTree(snapshot), web?.cgroup ?? "");
    expect(node?.container?.name).toBe("web");
    expect(node?.memory?.max).toBe(67108864);
  });

  it("takes no containers from a snapshot without any (or from an older agent)", () => {
    expect(containerMembership(fixture("after")).size).toBe(0);
    const old = fixture("boot");
    delete old.containers;
    expect(containerMembership(old).size).toBe(0);
  });

  it("shortens a 64-digit id used as a name to podman's 12", () => {
    const label = {
      id: "a".repeat(64),
      name: "a".repeat(64),
      runtime: "crun",
      engine: null,
      pid: 1,
      cgroup: null,
    } as const;
    expect(containerTitle(label)).toBe("a".repeat(12));
    expect(containerTitle({ ...label, name: "web" })).toBe("web");
  });
});
