// The panels' view models, derived lazily from the store's snapshot: a panel that is not
// mounted never builds its model, and one that is gets the previous objects back wherever
// nothing changed (see structuralShare.ts).
import { buildCgroupTree } from "./cgroupTree.ts";
import { buildMountTables } from "./mountTable.ts";
import { buildNamespaceMatrix } from "./namespaceMatrix.ts";
import { buildProcessTree } from "./processTree.ts";
import { useSnapshotStore } from "./snapshotStore.ts";
import { createViewSelector } from "./structuralShare.ts";

export const selectNamespaceMatrix = createViewSelector(buildNamespaceMatrix);
export const selectCgroupTree = createViewSelector(buildCgroupTree);
export const selectProcessTree = createViewSelector(buildProcessTree);
export const selectMountTables = createViewSelector(buildMountTables);

export const useNamespaceMatrix = () => useSnapshotStore((s) => selectNamespaceMatrix(s.snapshot));
export const useCgroupTree = () => useSnapshotStore((s) => selectCgroupTree(s.snapshot));
export const useProcessTree = () => useSnapshotStore((s) => selectProcessTree(s.snapshot));
export const useMountTables = () => useSnapshotStore((s) => selectMountTables(s.snapshot));
