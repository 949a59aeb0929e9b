// The kernel-state panels, fed by the machine's agent snapshots.
import { useEffect } from "react";
import { PanelArea, snapshotStore } from "../panels/index.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { snapshotSource } from "./machineRuntime.ts";

export function PanelSlot() {
  const phase = useVmStore((s) => s.phase);
  const generation = useVmStore((s) => s.generation);
  // A reset machine shares nothing with the old one: forget its snapshots and events.
  useEffect(() => {
    if (generation > 0) snapshotStore.getState().reset();
  }, [generation]);
  return <PanelArea source={snapshotSource} paused={phase !== "ready"} />;
}
