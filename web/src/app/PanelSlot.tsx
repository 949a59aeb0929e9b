// The kernel-state panels, fed by the machine's agent snapshots.
import { useEffect } from "react";
import { snapshotStore } from "../panels/index.ts";
import { PanelArea } from "../panels/area.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { snapshotSource } from "./machineRuntime.ts";

export function PanelSlot() {
  // Snapshots wait for the first prompt: the guest draws it before it answers the panels.
  const live = useVmStore((s) => s.phase === "ready" && s.promptShown);
  const generation = useVmStore((s) => s.generation);
  // A reset machine shares nothing with the old one: forget its snapshots and events.
  useEffect(() => {
    if (generation > 0) snapshotStore.getState().reset();
  }, [generation]);
  return <PanelArea source={snapshotSource} paused={!live} />;
}
