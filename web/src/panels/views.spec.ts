import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures/index.ts";
import { selectCgroupTree, selectMountTables, selectNamespaceMatrix, selectProcessTree } from "./views.ts";

describe("view selectors", () => {
  it.each([
    ["namespaces", selectNamespaceMatrix],
    ["cgroups", selectCgroupTree],
    ["processes", selectProcessTree],
    ["mounts", selectMountTables],
  ] as const)("%s: a new but equal snapshot gives the very same view model (no re-render)", (_, select) => {
    const first = select(fixture("after"));
    expect(first).not.toBeNull();
    expect(select(fixture("after"))).toBe(first);
  });
});
